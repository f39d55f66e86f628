namespace ReportEngine.Metrics;

/// <summary>
/// The monthly pack's figures (<see cref="Current"/>, written to metrics.json) and the same figures as at the end of the
/// same month a year earlier, behind every "change on the previous 12 months" (printed only).
/// </summary>
public sealed record MonthlyFigures(PackMetrics Current, PackMetrics YearEarlier) : IReportFigures
{
    public static MonthlyFigures Compute(Evidence.EvidenceSet evidence, ReportingPeriod month) =>
        new(PackMetrics.Compute(evidence, month), PackMetrics.Compute(evidence, month.Shift(-12)));

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey() => Current.ByKey();
}
