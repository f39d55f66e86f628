namespace ReportEngine.Archive;

/// <summary>Which stored objects records hold on to, so that removing one entry's files never removes another's.</summary>
internal static class ArchiveObjects
{
    /// <summary>Every object that a live entry or an addition to one refers to, its template files included.</summary>
    public static async Task<HashSet<string>> ReferencedAsync(ContentStore store, IReadOnlyList<ArchiveRecord> records, CancellationToken cancellationToken)
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
