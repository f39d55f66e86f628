using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// The annual complaints report's figures: every <c>complaints.*</c> and <c>lgsco.*</c> figure of the monthly pack for
/// the year's March, the year's own additions, and (printed only) last year's complaints beside this year's.
/// </summary>
public sealed record AnnualComplaintsFigures(
    ReportPeriod Year,
    ComplaintMetrics Complaints,
    OmbudsmanMetrics Ombudsman,
    AnnualComplaintsMetrics Annual,
    ComplaintMetrics PreviousYear) : IReportFigures
{
    public static AnnualComplaintsFigures Compute(EvidenceSet evidence, ReportPeriod year)
    {
        var march = year.LastMonth;
        var ombudsman = OmbudsmanMetrics.Compute(evidence, march);
        return new AnnualComplaintsFigures(
            year,
            ComplaintMetrics.Compute(evidence, march),
            ombudsman,
            AnnualComplaintsMetrics.Compute(evidence, march, ombudsman),
            ComplaintMetrics.Compute(evidence, march.Shift(-12))) { Coverage = FigureCoverage.Of(evidence, march) };
    }

    [System.Text.Json.Serialization.JsonIgnore] // which figures are covered is read through the figures, not printed whole
    public FigureCoverage Coverage { get; private init; } = null!;

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey() =>
        Complaints.ByKey().Concat(Annual.ComplaintKeys()).Concat(Ombudsman.ByKey()).Concat(Annual.OmbudsmanAndLearningKeys());
}
