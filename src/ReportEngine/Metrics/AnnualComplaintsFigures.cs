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
        var figures = new AnnualComplaintsFigures(
            year,
            ComplaintMetrics.Compute(evidence, march),
            ombudsman,
            AnnualComplaintsMetrics.Compute(evidence, march, ombudsman),
            ComplaintMetrics.Compute(evidence, march.Shift(-12))) { Coverage = FigureCoverage.Of(evidence, march) };
        return figures with { Comparisons = Comparisons.Of(evidence, figures.OwnFigures(), year.End, figures.Coverage) };
    }

    /// <summary>benchmarks.md: the published figures the year's figures are read beside.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Comparisons Comparisons { get; private init; } = Comparisons.None;

    [System.Text.Json.Serialization.JsonIgnore] // which figures are covered is read through the figures, not printed whole
    public FigureCoverage Coverage { get; private init; } = null!;

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey() => OwnFigures().Concat(Comparisons.ByKey());

    private IEnumerable<KeyValuePair<string, MetricValue>> OwnFigures() =>
        Complaints.ByKey().Concat(Annual.ComplaintKeys()).Concat(Ombudsman.ByKey()).Concat(Annual.OmbudsmanAndLearningKeys());
}
