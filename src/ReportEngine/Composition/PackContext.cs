using ReportEngine.Gathering;
using ReportEngine.Metrics;

namespace ReportEngine.Composition;

/// <summary>Everything a view-model builder may use: the evidence, its provenance, the figures, and facts about this run.</summary>
public sealed record PackContext(
    GatheredEvidence Gathered,
    ReportingPeriod Period,
    PackMetrics Metrics,
    PackRunFacts Run)
{
    private PackMetrics? _yearEarlier;

    /// <summary>
    /// The same figures as at the end of the same month a year earlier, behind every "change on the previous 12 months".
    /// Computed once per pack, though the view model is built once per print.
    /// </summary>
    public PackMetrics YearEarlier => _yearEarlier ??= PackMetrics.Compute(Gathered.Evidence, Period.Shift(-12));
}

/// <summary>Facts about the run that the pack prints but that are not evidence: when, with which templates and engine.</summary>
public sealed record PackRunFacts(
    DateTimeOffset GeneratedAt,
    string TemplateVersion,
    string EngineVersion,
    string ProtectiveMarking,
    string? ArchiveId = null,
    string? SnapshotSha256 = null);
