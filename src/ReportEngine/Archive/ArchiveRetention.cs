using ReportEngine.Kinds;

namespace ReportEngine.Archive;

/// <summary>
/// Deletes entries past their kind's retention and not under legal hold, leaving a tombstone in the chain for each,
/// and places and lifts legal holds.
/// </summary>
public sealed class ArchiveRetention(ContentStore store, IArchiveIndex index, ArchiveCatalog catalog, ArchiveOptions options, ReportKinds kinds, TimeProvider clock)
{
    public async Task<PruneResult> PruneAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var holds = await index.HoldsAsync(cancellationToken);
        var pruned = new List<ArchiveRecord>();
        var held = new List<ArchiveRecord>();
        var prunedObjects = new HashSet<string>(StringComparer.Ordinal);
        var records = await index.ListAsync(cancellationToken);
        foreach (var entry in records.Where(r => r.Type == ArchiveRecordType.Entry))
        {
            var years = options.RetentionFor(entry.Kind!, kinds);
            if (entry.CreatedAt.AddYears(years) > now) continue;
            if (holds.ContainsKey(entry.Id))
            {
                held.Add(entry);
                continue;
            }
            pruned.Add(await index.AppendAsync((seq, previous) => new ArchiveRecord
            {
                Seq = seq, Id = $"{entry.Id}/pruned", Type = ArchiveRecordType.Tombstone, CreatedAt = ArchiveRecord.Truncate(now),
                RequestedBy = requestedBy, Authority = entry.Authority, Kind = entry.Kind, Period = entry.Period,
                PrunedId = entry.Id, PrunedSeq = entry.Seq, PrunedHash = entry.Hash,
                Reason = $"retention: {entry.Kind} reports are kept {years} years; created {entry.CreatedAt:yyyy-MM-dd}",
                PreviousHash = previous,
            }.Sealed(), removing: entry.Id, cancellationToken));
            prunedObjects.UnionWith(await ArchiveObjects.OfAsync(store, entry, cancellationToken));
            foreach (var addition in records.Where(r => r.Type == ArchiveRecordType.Addition && r.AddsTo == entry.Id))
                prunedObjects.UnionWith(addition.Files.Values);
        }
        if (pruned.Count > 0)
        {
            var referenced = await ArchiveObjects.ReferencedAsync(store, await index.ListAsync(cancellationToken), cancellationToken);
            foreach (var sha in prunedObjects.Where(o => !referenced.Contains(o))) store.Delete(sha);
        }
        return new PruneResult(pruned, held);
    }

    public async Task PlaceHoldAsync(string id, string reason, CancellationToken cancellationToken = default)
    {
        await catalog.GetEntryAsync(id, cancellationToken);
        await index.PlaceHoldAsync(id, reason, cancellationToken);
    }

    public async Task ReleaseHoldAsync(string id, CancellationToken cancellationToken = default)
    {
        await catalog.GetEntryAsync(id, cancellationToken);
        await index.ReleaseHoldAsync(id, cancellationToken);
    }
}

public sealed record PruneResult(IReadOnlyList<ArchiveRecord> Pruned, IReadOnlyList<ArchiveRecord> Held);
