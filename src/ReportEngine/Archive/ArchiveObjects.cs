namespace ReportEngine.Archive;

/// <summary>Which stored objects records hold on to, so that removing one entry's files never removes another's.</summary>
internal static class ArchiveObjects
{
    /// <summary>How long removal after a failed write waits for writes in progress before leaving it for later.</summary>
    public static readonly TimeSpan RemovalWait = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Removes those of <paramref name="candidates"/> that no record holds, holding the objects alone: what records hold
    /// is read once no write is in progress, so an object a write has just found already stored is never taken from it.
    /// </summary>
    /// <param name="giveUpAfter">How long to wait for writes in progress; null waits until cancelled.</param>
    /// <returns>False when writes held the objects for longer than <paramref name="giveUpAfter"/>: nothing was removed.</returns>
    public static async Task<bool> RemoveUnreferencedAsync(ContentStore store, IArchiveIndex index, IEnumerable<string> candidates,
        TimeSpan? giveUpAfter, CancellationToken cancellationToken)
    {
        var objects = candidates.Distinct(StringComparer.Ordinal).ToList();
        if (objects.Count == 0) return true;
        IAsyncDisposable hold;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            if (giveUpAfter is { } wait) waiting.CancelAfter(wait);
            try
            {
                hold = await store.HoldAsync(ObjectsAccess.Removing, waiting.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
        await using (hold)
        {
            var referenced = await ReferencedAsync(store, await index.ListAsync(cancellationToken), cancellationToken);
            foreach (var sha in objects.Where(o => !referenced.Contains(o))) await store.DeleteAsync(sha, cancellationToken);
        }
        return true;
    }

    /// <summary>Every object that a live entry or an addition to one refers to, its template files included.</summary>
    private static async Task<HashSet<string>> ReferencedAsync(ContentStore store, IReadOnlyList<ArchiveRecord> records, CancellationToken cancellationToken)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var live = records.Where(r => r.Type == ArchiveRecordType.Entry).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.Type == ArchiveRecordType.Entry || (r.Type == ArchiveRecordType.Addition && live.Contains(r.AddsTo!))))
            referenced.UnionWith(await OfAsync(store, record, cancellationToken));
        return referenced;
    }

    /// <summary>A record's own objects, and the template files its manifest lists.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(ContentStore store, ArchiveRecord record, CancellationToken cancellationToken)
    {
        var objects = record.Files.Values.ToList();
        if (record.Files.TryGetValue(ArchiveFile.Templates, out var manifest) && await store.ExistsAsync(manifest, cancellationToken))
            objects.AddRange((await TemplateManifest.LoadAsync(store, manifest, cancellationToken)).Files.Values);
        return objects;
    }
}
