using ReportEngine.Composition.Charts;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>
/// A headline figure over 24 months: a sparkline for its tile, a full chart for its section (with the target as a line),
/// a text alternative that states the first, last, lowest and highest values, and the values for the appendix's table.
/// </summary>
public sealed record TrendView(string Key, string Label, LineChart Spark, LineChart Chart, string Description, IReadOnlyList<TrendValue> Values)
{
    public static TrendView Of(Trend trend, IReadOnlyList<Target>? targets)
    {
        var percent = trend.Key.EndsWith("_pct", StringComparison.Ordinal) || trend.Key.Contains("_pct_", StringComparison.Ordinal);
        Func<double?, string> format = v => MetricLabels.Format(trend.Key, v);
        var target = targets?.FirstOrDefault(t => t.Metric == trend.Key) is { } t ? (double?)t.Value : null;
        var points = trend.Points.Select(p => (ReportFormat.ShortMonth(p.Month), p.Value)).ToList();
        var note = Note(trend);
        return new TrendView(
            trend.Key,
            MetricLabels.Of(trend.Key),
            LineChart.Build(MetricLabels.Of(trend.Key), points, target, format, percent, small: true) with { Note = note },
            LineChart.Build(percent ? "%" : "Number", points, target, format, percent) with { Note = note },
            Describe(trend, format, target),
            trend.Points.Select(p => new TrendValue(ReportFormat.Month(p.Month), format(p.Value))).ToList());
    }

    /// <summary>
    /// coverage.md: a chart draws only the months with a figure and says from which it starts; with fewer than two it is
    /// replaced by a sentence. Null when every month is drawn from the first.
    /// </summary>
    private static string? Note(Trend trend)
    {
        var known = trend.Points.Where(p => p.Value is not null).ToList();
        return known.Count switch
        {
            0 => $"Not drawn: none of the 24 months to {ReportFormat.Month(trend.Points[^1].Month)} has a figure.",
            1 => $"Not drawn: of the 24 months to {ReportFormat.Month(trend.Points[^1].Month)}, only {ReportFormat.Month(known[0].Month)} has a figure.",
            _ when known[0].Month != trend.Points[0].Month => $"Drawn from {ReportFormat.Month(known[0].Month)}: no earlier month has a figure.",
            _ => null,
        };
    }

    private static string Describe(Trend trend, Func<double?, string> format, double? target)
    {
        var known = trend.Points.Where(p => p.Value is not null).ToList();
        var label = MetricLabels.Of(trend.Key);
        if (known.Count == 0) return $"{label}: no figure in any of the 24 months to {ReportFormat.Month(trend.Points[^1].Month)}.";
        var first = known[0];
        var last = known[^1];
        var lowest = known.MinBy(p => p.Value)!;
        var highest = known.MaxBy(p => p.Value)!;
        return $"{label}, {ReportFormat.Month(trend.Points[0].Month)} to {ReportFormat.Month(trend.Points[^1].Month)}: " +
               $"{format(first.Value)} in {ReportFormat.Month(first.Month)} and {format(last.Value)} in {ReportFormat.Month(last.Month)}; " +
               $"lowest {format(lowest.Value)} in {ReportFormat.Month(lowest.Month)}, highest {format(highest.Value)} in {ReportFormat.Month(highest.Month)}." +
               (target is { } t ? $" The target is {format(t)}." : "") +
               (known.Count < trend.Points.Count ? $" {trend.Points.Count - known.Count} of the 24 months have no figure." : "");
    }
}

/// <summary>One month of a trend, as the appendix's table prints it.</summary>
public sealed record TrendValue(string Month, string Value);
