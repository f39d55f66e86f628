using ReportEngine.Kinds;

namespace ReportEngine.Archive;

/// <summary>
/// Where the archive's records live (PostgreSQL in the product). Appends are serialised: each new record is built from
/// the current head (its sequence number and hash) and the index's own clock, inside the index's own lock.
/// </summary>
public interface IArchiveIndex
{
    /// <summary>
    /// Appends the record <paramref name="id"/>, built from the head; when <paramref name="removing"/> is given, deletes
    /// that entry in the same transaction. A record whose id is already in the index is not built or appended again:
    /// the one there is returned.
    /// </summary>
    Task<ArchiveRecord> AppendAsync(string id, Func<ChainPosition, ArchiveRecord> build, string? removing = null, CancellationToken cancellationToken = default);

    /// <summary>Every record, by sequence number.</summary>
    Task<IReadOnlyList<ArchiveRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The last appended link: its sequence number and hash (null for an empty archive).</summary>
    Task<(long Seq, string Hash)?> HeadAsync(CancellationToken cancellationToken = default);

    Task<ArchiveRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The newest entry of a report (the highest sequence number); null when it was never archived. An indexed look-up.</summary>
    Task<ArchiveRecord?> LatestEntryAsync(ReportIdentity report, CancellationToken cancellationToken = default);

    /// <summary>How many entries of a report supersede another (regenerations) and were created at or after <paramref name="since"/>.</summary>
    Task<int> CountRegenerationsAsync(ReportIdentity report, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>The entry a run archived; null when it got no further. An indexed look-up.</summary>
    Task<ArchiveRecord?> EntryOfRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The index's own clock, which stamps every record: a worker's wrong clock cannot backdate one.</summary>
    Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default);
}

/// <summary>Where a new record goes: its sequence number, the hash it links to, and the time by the index's clock (to the microsecond).</summary>
public readonly record struct ChainPosition(long Seq, string PreviousHash, DateTimeOffset Now);
