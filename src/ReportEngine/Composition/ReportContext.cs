using ReportEngine.Gathering;
using ReportEngine.Kinds;

namespace ReportEngine.Composition;

/// <summary>Everything a view-model builder may use besides the figures: the evidence with its provenance, which report, and facts about this run.</summary>
public sealed record ReportContext(GatheredEvidence Gathered, ReportIdentity Report, ReportRunFacts Run);

/// <summary>Facts about the run that the report prints but that are not evidence: when, with which templates and engine.</summary>
public sealed record ReportRunFacts(
    DateTimeOffset GeneratedAt,
    string TemplateVersion,
    string EngineVersion,
    string ProtectiveMarking,
    string? ArchiveId = null,
    string? SnapshotSha256 = null);
