using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>
/// benchmarks.md's "How we compare": each benchmarked figure beside England's, the region's and similar councils' (each
/// with its period) and its quarter of councils, grouped as the pack's sections are, with the sources named.
/// <see cref="Supplied"/> is false when the dataset has no benchmarks.csv.
/// </summary>
/// <param name="Areas">The region's and similar councils' names as the file gives them ("North East", "CIPFA nearest neighbours (16)").</param>
public sealed record ComparisonView(bool Supplied, IReadOnlyList<ComparisonGroup> Groups, IReadOnlyList<string> Sources, IReadOnlyList<string> Areas)
{
    /// <summary>The pack's sections a comparison is grouped under, in order, by the start of a metric's key.</summary>
    private static readonly (string Title, string[] Starts)[] Sections =
    [
        ("Quality statement scorecard", ["readiness."]),
        ("Assessing needs: waits and reviews", ["waits.", "reviews."]),
        ("Safeguarding and DoLS", ["safeguarding.", "dols."]),
        ("Complaints and learning from feedback", ["complaints.", "lgsco."]),
        ("Workforce learning and development", ["training.", "supervision.", "workforce."]),
        ("Improvement actions", ["actions."]),
    ];

    public static ComparisonView Of(EvidenceSet evidence, Comparisons comparisons, IReadOnlyDictionary<string, double?> values)
    {
        var rows = comparisons.Figures.Select(c => (Section: SectionOf(c.Key), Row: Row(c, values.GetValueOrDefault(c.Key)))).ToList();
        var groups = Sections.Select((s, i) => new ComparisonGroup(s.Title, rows.Where(r => r.Section == i).Select(r => r.Row).ToList()))
            .Append(new ComparisonGroup("Other figures", rows.Where(r => r.Section == Sections.Length).Select(r => r.Row).ToList()))
            .Where(g => g.Rows.Count > 0).ToList();
        var sources = comparisons.Figures.SelectMany(c => c.Rows).Select(b => (b.Source, b.PublishedOn)).Distinct()
            .OrderBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.PublishedOn)
            .Select(s => $"{s.Source}, published {ReportFormat.Date(s.PublishedOn)}").ToList();
        var areas = comparisons.Figures.SelectMany(c => c.Rows).Where(b => b.Area != BenchmarkArea.England)
            .OrderBy(b => b.Area).Select(b => b.AreaName).Distinct(StringComparer.Ordinal).ToList();
        return new ComparisonView(evidence.Benchmarks is not null, groups, sources, areas);
    }

    /// <summary>One benchmarked figure's row, or the words a tile prints beside the figure ("England 78.2%, 2023-24; top quarter of councils").</summary>
    public static ComparisonRow Row(Comparison c, double? ours)
    {
        string? Area(BenchmarkArea area) => c.Of(area) is { } b ? $"{MetricLabels.Format(c.Key, (double)b.Value)} ({b.Period})" : null;
        var england = c.Of(BenchmarkArea.England);
        var quarter = QuarterWords(c.Quartile);
        var line = england is null ? null
            : $"England {MetricLabels.Format(c.Key, (double)england.Value)}, {england.Period}{(quarter is null ? "" : $"; {quarter}")}";
        return new ComparisonRow(c.Key, MetricLabels.Of(c.Key), MetricLabels.Format(c.Key, ours), Area(BenchmarkArea.England), Area(BenchmarkArea.Region),
            Area(BenchmarkArea.Comparators), quarter?.Split(' ')[0], line);
    }

    /// <summary>The quarter of England's councils in words, 1 the best.</summary>
    public static string? QuarterWords(int? quartile) => quartile switch
    {
        1 => "top quarter of councils",
        2 => "second quarter of councils",
        3 => "third quarter of councils",
        4 => "bottom quarter of councils",
        _ => null,
    };

    private static int SectionOf(string key)
    {
        var i = Array.FindIndex(Sections, s => s.Starts.Any(start => key.StartsWith(start, StringComparison.Ordinal)));
        return i < 0 ? Sections.Length : i;
    }
}

public sealed record ComparisonGroup(string Title, IReadOnlyList<ComparisonRow> Rows);

/// <param name="Quarter">The quarter of England's councils in a word: top, second, third or bottom.</param>
/// <param name="Line">What a tile or table row prints beside the figure: England's value and period, and the quarter.</param>
public sealed record ComparisonRow(string Key, string Label, string Ours, string? England, string? Region, string? Comparators, string? Quarter, string? Line);
