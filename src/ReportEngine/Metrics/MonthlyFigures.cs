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
        // The trends follow a few figures over 24 months. The month itself is computed whole first, which builds what every
        // month reads (the look-ups of CareActIndexes and the training index), then the month a year earlier whole (the
        // changes on the previous 12 months and the attention list compare with it) and the other 22 months' trend
        // figures alone, side by side: each month's figures are its own.
        var periods = PackOutlook.TrendPeriods(month).ToArray();
        var (last, aYearBefore) = (periods.Length - 1, periods.Length - 13);
        var current = PackMetrics.Compute(evidence, periods[last]);
        PackMetrics yearEarlier = null!;
        var trendMonths = new IReadOnlyDictionary<string, double?>[periods.Length];
        trendMonths[last] = TrendFigures.Of(current);
        Parallel.For(0, last, i =>
        {
            if (i != aYearBefore) trendMonths[i] = TrendFigures.Of(evidence, periods[i]);
            else trendMonths[i] = TrendFigures.Of(yearEarlier = PackMetrics.Compute(evidence, periods[i]));
        });
        var coverage = DatasetCoverage.Of(evidence);
        var covered = new FigureCoverage(coverage, month);
        var comparisons = Comparisons.Of(evidence, current.ByKey(), month.End, covered);
        return new MonthlyFigures(current, yearEarlier, PackOutlook.Compute(evidence, current, yearEarlier, trendMonths, coverage, comparisons))
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
