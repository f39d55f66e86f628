using ReportEngine.Gathering;

namespace ReportEngine.Archive;

/// <summary>
/// Evidence from a frozen snapshot (<see cref="EvidenceSnapshot"/>) rather than from the live store: a draft's approval
/// issues the report from exactly the evidence its draft was made from, whatever has been imported since.
/// </summary>
public sealed class SnapshotEvidenceSource(string authority, byte[] snapshot) : IEvidenceSource
{
    public string? Authority => authority;

    public Task<GatheredEvidence> GatherAsync(CancellationToken cancellationToken = default) => Task.FromResult(EvidenceSnapshot.Deserialize(snapshot));
}
