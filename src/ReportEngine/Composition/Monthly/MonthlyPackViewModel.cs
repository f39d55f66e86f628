using ReportEngine.Composition.Charts;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>
/// What the monthly inspection-readiness pack's templates render. Figures stay raw; templates word and format them.
/// <see cref="Targets"/> (<see cref="TargetView"/>), <see cref="Directions"/> (HIGHER or LOWER) and <see cref="Trends"/>
/// (<see cref="TrendView"/>) are keyed by metric; they hold objects so that templates can ask whether a key is there.
/// </summary>
public sealed record MonthlyPackViewModel(
    ReportHeading Pack,
    IReadOnlyList<ContentsEntry> Contents,
    PackMetrics M,
    PackMetrics Previous,
    IReadOnlyList<ScorecardRow> Scorecard,
    IReadOnlyList<CoverageRow> EvidenceCoverage,
    IReadOnlyList<Finding> LearningFindings,
    IReadOnlyList<ThemeRow> Themes,
    MonthlyCharts Charts,
    IReadOnlyList<OverdueActionRow> OverdueActions,
    ProvenanceView Provenance,
    AttentionView Attention,
    IDictionary<string, object> Targets,
    IDictionary<string, object> Directions,
    DateOnly? CqcAssessedOn,
    DateOnly? SelfAssessedOn,
    IDictionary<string, object> Trends,
    CareAct.CareActView CareAct,
    FiguresNotAvailable NotAvailable,
    ComparisonView Comparisons);

/// <summary>A figure's target and where the figure stands: a word and a shape as well as a colour, so colour is never the only sign.</summary>
public sealed record TargetView(string Text, string? Status, string Word, string Shape)
{
    public static TargetView Of(Target target, string? status) => new(
        $"Target {MetricLabels.Format(target.Metric, (double)target.Value)} or {(target.Better == Better.Higher ? "more" : "less")}",
        status,
        status switch { TargetStatus.Green => "On target", TargetStatus.Amber => "Near target", TargetStatus.Red => "Off target", _ => "No figure to compare" },
        status switch { TargetStatus.Green => "\u25CF", TargetStatus.Amber => "\u25B2", TargetStatus.Red => "\u25A0", _ => "\u2013" });
}


public sealed record ScorecardRow(
    QualityStatement Statement,
    string Name,
    string Theme,
    QualityStatementScore? Cqc,
    QualityStatementScore? Self,
    string Place);

/// <summary>Whether a quality statement has a finding from R12 in each coverage category (ReadinessMetrics.CoverageCategories order).</summary>
public sealed record CoverageRow(string Name, IReadOnlyList<bool> Covered);

/// <summary>A complaint theme's count now and twelve months earlier.</summary>
public sealed record ThemeRow(string Code, int Count, int? PreviousCount);

/// <param name="Place">Its place in the report, which "What needs attention" points at when it is marked green.</param>
public sealed record OverdueActionRow(ImprovementAction Action, string? StatementName, string Place);

public sealed record MonthlyCharts(
    ColumnChart ComplaintsByMonth,
    ColumnChart OmbudsmanUpholdRate,
    BarChart TrainingByTeam);
