namespace ReportEngine.Metrics;

/// <summary>
/// The monthly pack's figures (<see cref="Current"/>, written to metrics.json with the <see cref="Outlook"/>: targets'
/// statuses, trends and what needs attention) and the same figures as at the end of the same month a year earlier,
/// behind every "change on the previous 12 months" (printed only).
/// </summary>
public sealed record MonthlyFigures(PackMetrics Current, PackMetrics YearEarlier, PackOutlook Outlook) : IReportFigures
{
    public static MonthlyFigures Compute(Evidence.EvidenceSet evidence, ReportingPeriod month)
    {
        // The trends need the pack's figures for each of 24 months; the current month and the year before are two of them.
        // The month itself is computed first, which builds what every month reads (the look-ups of CareActIndexes and the
        // training index), then the other 23 side by side: each month's figures are its own, and they are most of a pack's work.
        var periods = PackOutlook.TrendPeriods(month).ToArray();
        var months = new PackMetrics[periods.Length];
        months[^1] = PackMetrics.Compute(evidence, periods[^1]);
        Parallel.For(0, periods.Length - 1, i => months[i] = PackMetrics.Compute(evidence, periods[i]));
        var coverage = DatasetCoverage.Of(evidence);
        var covered = new FigureCoverage(coverage, month);
        var comparisons = Comparisons.Of(evidence, months[^1].ByKey(), month.End, covered);
        return new MonthlyFigures(months[^1], months[^13], PackOutlook.Compute(evidence, months, coverage, comparisons))
            { Coverage = covered, Comparisons = comparisons };
    }

    /// <summary>benchmarks.md: the published figures the month's figures are read beside.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Comparisons Comparisons { get; private init; } = Comparisons.None;

    [System.Text.Json.Serialization.JsonIgnore] // which figures are covered is read through the figures, not printed whole
    public FigureCoverage Coverage { get; private init; } = null!;

    public IReadOnlyList<AttentionSignal> Attention => Outlook.Attention;

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey() => Current.ByKey().Concat(Outlook.ByKey()).Concat(Comparisons.ByKey());
}
