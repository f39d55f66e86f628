namespace ReportEngine.Archive;

/// <summary>
/// Where the archive keeps what it stores: objects under their SHA-256, and one signed checkpoint per link of the chain,
/// each written once and never replaced. Files on this machine (<see cref="FileObjectStore"/>, the default) or
/// PostgreSQL (<c>ReportEngine__Archive__Objects=postgresql</c>), so that several machines share one archive with no shared folder.
/// Names are checked by <see cref="ContentStore"/> before they reach a store.
/// </summary>
public interface IObjectStore
{
    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="bytes"/> under <paramref name="sha256"/>; an object that exists already is left as it is.</summary>
    Task PutAsync(string sha256, byte[] bytes, CancellationToken cancellationToken);

    /// <returns>Null when there is no such object.</returns>
    Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Removes an object no record refers to any more (pruning, a write that failed half way).</summary>
    Task DeleteAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the objects for writing (shared) or for removing what no record holds (alone), across every process and
    /// machine that shares them, until the result is disposed.
    /// </summary>
    Task<IAsyncDisposable> HoldAsync(ObjectsAccess access, CancellationToken cancellationToken);

    /// <summary>Writes the checkpoint of link <paramref name="seq"/> unless it exists.</summary>
    Task PutCheckpointAsync(long seq, byte[] body, CancellationToken cancellationToken);

    /// <summary>Every checkpoint, by link.</summary>
    Task<IReadOnlyList<(long Seq, byte[] Body)>> CheckpointsAsync(CancellationToken cancellationToken);
}
