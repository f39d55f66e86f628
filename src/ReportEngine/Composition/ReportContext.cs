using ReportEngine.Gathering;
using ReportEngine.Metrics;

namespace ReportEngine.Composition;

/// <summary>
/// Everything a view-model builder may use besides the figures: the evidence with its provenance, the report's title
/// and period, and facts about this run. (The kind that builds it passes these, so composition needs no kind.)
/// </summary>
public sealed record ReportContext(GatheredEvidence Gathered, string Title, ReportPeriod Period, ReportRunFacts Run);

/// <summary>Facts about the run that the report prints but that are not evidence: when, with which templates and engine.</summary>
/// <param name="Review">A draft's marks, or an approved report's sign-off, with the commentary; null for a report not reviewed.</param>
public sealed record ReportRunFacts(
    DateTimeOffset GeneratedAt,
    string TemplateVersion,
    string EngineVersion,
    string ProtectiveMarking,
    string? ArchiveId = null,
    string? SnapshotSha256 = null,
    Review.ReviewMarks? Review = null);
