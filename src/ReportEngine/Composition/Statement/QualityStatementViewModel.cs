using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Statement;

/// <summary>What the quality-statement report's templates render: one statement, as an inspector reads it.</summary>
/// <param name="Monthly">The monthly pack's figures, for <c>LEARNING</c> only.</param>
/// <param name="CareAct">operations.md's figures and sentences, for <c>ASSESSING_NEEDS</c> and <c>SAFEGUARDING</c> only.</param>
public sealed record QualityStatementViewModel(
    ReportHeading Pack,
    IReadOnlyList<ContentsEntry> Contents,
    string StatementCode,
    string StatementName,
    string Theme,
    QualityStatementFigures Q,
    IReadOnlyList<ScoreRow> Scores,
    IReadOnlyList<FindingGroup> RecentFindings,
    IReadOnlyList<Finding> OlderFindings,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<OpenActionRow> OpenActions,
    PackMetrics? Monthly,
    ProvenanceView Provenance,
    CareAct.CareActView? CareAct,
    FiguresNotAvailable NotAvailable,
    Monthly.ComparisonView Comparisons);

/// <summary>A score of the statement: by whom (CQC, self-assessment, mock, peer), when, what, and why.</summary>
public sealed record ScoreRow(string By, DateOnly AssessedOn, int Score, string Wording, string? Rationale);

/// <summary>The statement's findings of one evidence category from the last 12 months, newest first.</summary>
public sealed record FindingGroup(string Category, IReadOnlyList<Finding> Findings);

/// <param name="Overdue">Open past its due date at E.</param>
public sealed record OpenActionRow(ImprovementAction Action, bool Overdue);
