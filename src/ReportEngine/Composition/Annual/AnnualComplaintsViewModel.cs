using ReportEngine.Composition.Charts;
using ReportEngine.Composition.Monthly;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Annual;

/// <summary>What the annual complaints report's templates render. Figures stay raw; templates word and format them.</summary>
/// <param name="Year">The business year, <c>2023-24</c>; <paramref name="PreviousYear"/> the one before.</param>
/// <param name="ReferredToOmbudsman">Cases of the year the Ombudsman decided by its end: those the council was told were referred.</param>
/// <param name="Learning">Null when the dataset has no complaint_learning.csv.</param>
/// <param name="HowToComplain">authority.csv's complaints_contact as paragraphs, printed exactly as written; none when it is not given.</param>
/// <param name="Comparisons">England's figures beside the year's (benchmarks.md), printed on their tiles and rows.</param>
public sealed record AnnualComplaintsViewModel(
    ReportHeading Pack,
    IReadOnlyList<ContentsEntry> Contents,
    string Year,
    string PreviousYear,
    ComplaintMetrics C,
    ComplaintMetrics Previous,
    AnnualComplaintsMetrics A,
    int ReferredToOmbudsman,
    IReadOnlyList<ThemeRow> Themes,
    IReadOnlyList<AreaRow> ServiceAreas,
    IReadOnlyList<OmbudsmanYearView> OmbudsmanYears,
    IReadOnlyList<RecordedLearning>? Learning,
    ColumnChart ComplaintsByMonth,
    ProvenanceView Provenance,
    FiguresNotAvailable NotAvailable,
    IReadOnlyList<string> HowToComplain,
    ComparisonView Comparisons);

/// <summary>A service area's complaints received this year and last.</summary>
public sealed record AreaRow(string Area, int Count, int PreviousCount);

/// <summary>An Ombudsman business year: its cases decided by E by decision, and the monthly pack's figures for it.</summary>
public sealed record OmbudsmanYearView(OmbudsmanYear Figures, int Cases, int NotForUs, int AssessedClosed, int Upheld, int NotUpheld);
