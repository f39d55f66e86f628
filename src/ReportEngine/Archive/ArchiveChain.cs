namespace ReportEngine.Archive;

/// <summary>
/// Appends records to the chain: each one built at its position, stamped with the index's clock, hashed and signed,
/// then checkpointed in the file store. A pending marker is held from before the append until the checkpoint is
/// written, so a process killed in between leaves work that <see cref="ArchiveRecovery"/> finishes.
/// </summary>
public sealed class ArchiveChain(ContentStore store, IArchiveIndex index, ArchiveCheckpoints checkpoints, Lazy<ArchiveSigner> signer)
{
    /// <param name="id">The record's id (known before its place in the chain).</param>
    /// <param name="staged">The files staged for it, whose marker is already held; null for a record without files.</param>
    public async Task<ArchiveRecord> AppendAsync(string id, Func<ChainPosition, ArchiveRecord> build, StagedEntry? staged = null, string? removing = null,
        CancellationToken cancellationToken = default)
    {
        var key = signer.Value; // a missing or foreign key stops the write before anything is appended
        var marker = staged?.Marker ?? await PendingMarker.CreateAsync(store, id, [], cancellationToken);
        try
        {
            var record = await index.AppendAsync(id, position =>
            {
                var built = build(position) with { Seq = position.Seq, PreviousHash = position.PreviousHash };
                if (built.Id != id) throw new InvalidOperationException($"the record built is {built.Id}, not {id}");
                return key.Seal(built);
            }, removing, cancellationToken);
            await checkpoints.WriteAsync(record, key, cancellationToken);
            File.Delete(marker.Name);
            return record;
        }
        finally
        {
            if (staged is null) await marker.DisposeAsync();
        }
    }
}
