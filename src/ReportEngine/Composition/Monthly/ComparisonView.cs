using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>
/// benchmarks.md's "How we compare": each benchmarked figure beside England's, the region's and similar councils' (each
/// with its period) and its quarter of councils, grouped as the pack's sections are, with the sources named.
/// <see cref="Supplied"/> is false when the dataset has no benchmarks.csv.
/// </summary>
/// <param name="Areas">The region's and similar councils' names as the file gives them ("North East", "CIPFA nearest neighbours (16)").</param>
/// <param name="England">
/// What every tile and table row of a benchmarked figure prints beside it, by key: England's figure and its period, and
/// the quarter of councils in words where there is one ("England 78.2%, 2022-23; top quarter of councils"). As objects,
/// so templates can ask whether a key is there.
/// </param>
public sealed record ComparisonView(bool Supplied, IReadOnlyList<ComparisonGroup> Groups, IReadOnlyList<string> Sources, IReadOnlyList<string> Areas,
    IDictionary<string, object> England)
{
    /// <param name="figures">The report's own figures: ours, or "not available" where the data does not cover one (coverage.md).</param>
    public static ComparisonView Of(EvidenceSet evidence, Comparisons comparisons, IReportFigures figures)
    {
        var values = figures.ByKey().ToDictionary(k => k.Key, k => TargetStatus.NumberOf(k.Value), StringComparer.Ordinal);
        var rows = comparisons.Figures
            .Select(c => (Section: PackSections.IndexOf(c.Key), Row: Row(c, values.GetValueOrDefault(c.Key), figures.Coverage?.Covers(c.Key) ?? true)))
            .ToList();
        var groups = PackSections.All.Select((s, i) => new ComparisonGroup(s.Title, rows.Where(r => r.Section == i).Select(r => r.Row).ToList()))
            .Append(new ComparisonGroup("Other figures", rows.Where(r => r.Section == PackSections.All.Count).Select(r => r.Row).ToList()))
            .Where(g => g.Rows.Count > 0).ToList();
        var sources = comparisons.Figures.SelectMany(c => c.Rows).Select(b => (b.Source, b.PublishedOn)).Distinct()
            .OrderBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.PublishedOn)
            .Select(s => $"{s.Source}, published {ReportFormat.Date(s.PublishedOn)}").ToList();
        var areas = comparisons.Figures.SelectMany(c => c.Rows).Where(b => b.Area != BenchmarkArea.England)
            .OrderBy(b => b.Area).Select(b => b.AreaName).Distinct(StringComparer.Ordinal).ToList();
        var england = comparisons.Figures.Select(c => (Figure: c, England: c.Of(BenchmarkArea.England))).Where(c => c.England is not null)
            .ToDictionary(c => c.Figure.Key, c => (object)EnglandLine(c.Figure.Key, (double)c.England!.Value, c.England.Period, c.Figure.Quartile), StringComparer.Ordinal);
        return new ComparisonView(evidence.Benchmarks is not null, groups, sources, areas, england);
    }

    /// <summary>
    /// What the reports and the dashboard print beside a benchmarked figure: England's figure with
    /// its period, and the figure's quarter of councils where it has one (none when uncovered or without a direction).
    /// </summary>
    public static string EnglandLine(string key, double england, string period, int? quartile)
    {
        var line = $"England {MetricLabels.Format(key, england)}, {period}";
        return Quarter(quartile) is { } quarter ? $"{line}; {quarter} quarter of councils" : line;
    }

    /// <summary>
    /// One benchmarked figure's row: ours, each area's figure with its period, and the quarter of England's councils. A
    /// figure the data does not cover is "not available", never the value its missing days would make (nor has it a quarter).
    /// </summary>
    private static ComparisonRow Row(Comparison c, double? ours, bool covered)
    {
        string? Area(BenchmarkArea area) => c.Of(area) is { } b ? $"{MetricLabels.Format(c.Key, (double)b.Value)} ({b.Period})" : null;
        return new ComparisonRow(c.Key, MetricLabels.Of(c.Key), covered ? MetricLabels.Format(c.Key, ours) : NotAvailable, Area(BenchmarkArea.England), Area(BenchmarkArea.Region),
            Area(BenchmarkArea.Comparators), Quarter(c.Quartile));
    }

    /// <summary>What a tile or row prints for a figure the data does not cover (coverage.md).</summary>
    private const string NotAvailable = "not available";

    /// <summary>The quarter of England's councils in a word, 1 the best.</summary>
    private static string? Quarter(int? quartile) => quartile switch
    {
        1 => "top",
        2 => "second",
        3 => "third",
        4 => "bottom",
        _ => null,
    };
}

public sealed record ComparisonGroup(string Title, IReadOnlyList<ComparisonRow> Rows);

/// <param name="Quarter">The quarter of England's councils in a word: top, second, third or bottom.</param>
public sealed record ComparisonRow(string Key, string Label, string Ours, string? England, string? Region, string? Comparators, string? Quarter);
