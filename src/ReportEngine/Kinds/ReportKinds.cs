using ReportEngine.Composition.Annual;
using ReportEngine.Composition.Monthly;
using ReportEngine.Composition.Statement;
using ReportEngine.Metrics;

namespace ReportEngine.Kinds;

/// <summary>
/// The registry of report kinds (reports.md): the one place that names them. A new kind is a template folder, a
/// view-model builder and one entry here (or, for a kind of one's own, one <see cref="With"/>).
/// </summary>
public sealed class ReportKinds
{
    public static ReportKind Monthly { get; } = ReportKind.Define(
        new ReportKindSpec("monthly", "Inspection-readiness pack", PeriodType.Month, DefaultSchedule: "0 6 1 * *", RetentionYears: 7,
            // Risks to people first: the waits and reviews CQC reads beside England's published figures (benchmarks.md).
            Headlines: [new("waits.median_days_waiting.CARE_ACT_ASSESSMENT", "Median days waiting for a Care Act assessment"),
                new("reviews.reviewed_12m_pct", "Reviewed in 12 months"),
                new("complaints.received_12m", "Complaints in 12 months"), new("complaints.response_on_time_pct", "Responded to on time"),
                new("readiness.cqc_pct", "Readiness (CQC scores)"), new("actions.overdue", "Actions overdue")],
            CommentarySlots: ["scorecard", "coverage", "assessing-needs", "safeguarding", "learning", "complaints", "workforce", "actions"]),
        (evidence, report) => MonthlyFigures.Compute(evidence, report.Period.LastMonth),
        new MonthlyPackBuilder());

    /// <summary>The statutory annual complaints report (regulation 18 of the 2009 complaints regulations).</summary>
    public static ReportKind ComplaintsAnnual { get; } = ReportKind.Define(
        new ReportKindSpec("complaints-annual", "Annual complaints report", PeriodType.BusinessYear, DefaultSchedule: "0 6 1 5 *", RetentionYears: 10,
            Headlines: [new("complaints.received_12m", "Complaints in the year"), new("complaints.response_on_time_pct", "Responded to on time"),
                new("complaints.uphold_rate_pct", "Upheld")],
            // Regulation 18(1)(d)(ii): matters of general importance arising from the complaints or the way they were handled.
            CommentarySlots: ["handling"],
            // Published for councillors and the public: it names no complaint, so it is not sensitive.
            DefaultMarking: "OFFICIAL"),
        (evidence, report) => AnnualComplaintsFigures.Compute(evidence, report.Period),
        new AnnualComplaintsBuilder());

    public static ReportKind QualityStatement { get; } = ReportKind.Define(
        new ReportKindSpec("quality-statement", "Quality statement report", PeriodType.Month, TakesStatement: true, RetentionYears: 7,
            Headlines: [new("qs.evidence_coverage_pct", "Evidence coverage"), new("qs.actions_overdue", "Actions overdue")]),
        (evidence, report) => QualityStatementFigures.Compute(evidence, report.Period.LastMonth, report.Statement!.Value),
        new QualityStatementBuilder());

    public static ReportKinds Standard { get; } = new([Monthly, ComplaintsAnnual, QualityStatement]);

    private readonly IReadOnlyList<ReportKind> _kinds;

    private ReportKinds(IReadOnlyList<ReportKind> kinds)
    {
        var duplicate = kinds.GroupBy(k => k.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two report kinds are called '{duplicate.Key}'", nameof(kinds));
        _kinds = kinds;
    }

    public IReadOnlyList<ReportKind> All => _kinds;

    public ReportKind? Find(string? name) => _kinds.FirstOrDefault(k => k.Name == name);

    /// <summary>This registry and one more kind.</summary>
    public ReportKinds With(ReportKind kind) => new([.. _kinds, kind]);
}
