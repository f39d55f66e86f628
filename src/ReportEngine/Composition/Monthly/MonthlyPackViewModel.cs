using ReportEngine.Composition.Charts;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>What the monthly inspection-readiness pack's templates render. Figures stay raw; templates word and format them.</summary>
public sealed record MonthlyPackViewModel(
    PackHeading Pack,
    IReadOnlyList<ContentsEntry> Contents,
    PackMetrics M,
    PackMetrics Previous,
    IReadOnlyList<ScorecardRow> Scorecard,
    IReadOnlyList<CoverageRow> EvidenceCoverage,
    IReadOnlyList<Finding> LearningFindings,
    IReadOnlyList<ThemeRow> Themes,
    MonthlyCharts Charts,
    IReadOnlyList<OverdueActionRow> OverdueActions,
    ProvenanceView Provenance);


public sealed record ScorecardRow(
    QualityStatement Statement,
    string Name,
    string Theme,
    QualityStatementScore? Cqc,
    QualityStatementScore? Self);

/// <summary>Whether a quality statement has a finding from R12 in each coverage category (ReadinessMetrics.CoverageCategories order).</summary>
public sealed record CoverageRow(string Name, IReadOnlyList<bool> Covered);

/// <summary>A complaint theme's count now and twelve months earlier.</summary>
public sealed record ThemeRow(string Code, int Count, int? PreviousCount);

public sealed record OverdueActionRow(ImprovementAction Action, string? StatementName);

public sealed record MonthlyCharts(
    ColumnChart ComplaintsByMonth,
    ColumnChart OmbudsmanUpholdRate,
    BarChart TrainingByTeam);
