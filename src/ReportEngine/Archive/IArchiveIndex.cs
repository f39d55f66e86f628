namespace ReportEngine.Archive;

/// <summary>
/// Where the archive's records live (PostgreSQL in the product). Appends are serialised: each new record is built from
/// the current head (its sequence number and hash) inside the index's own lock.
/// </summary>
public interface IArchiveIndex
{
    /// <summary>Appends the record built from the head; when <paramref name="removing"/> is given, deletes that entry in the same transaction.</summary>
    Task<ArchiveRecord> AppendAsync(Func<long, string, ArchiveRecord> build, string? removing = null, CancellationToken cancellationToken = default);

    /// <summary>Every record, by sequence number.</summary>
    Task<IReadOnlyList<ArchiveRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The last appended link: its sequence number and hash (null for an empty archive).</summary>
    Task<(long Seq, string Hash)?> HeadAsync(CancellationToken cancellationToken = default);

    Task<ArchiveRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Entries under legal hold, with the reason.</summary>
    Task<IReadOnlyDictionary<string, string>> HoldsAsync(CancellationToken cancellationToken = default);

    Task PlaceHoldAsync(string id, string reason, CancellationToken cancellationToken = default);

    Task ReleaseHoldAsync(string id, CancellationToken cancellationToken = default);
}
