namespace ReportEngine.Archive;

/// <summary>
/// The follow-up that makes an entry's PDF/A-2b copy (Ghostscript costs more than the render, so it runs after the
/// issued PDF is archived) and joins it to the entry with an addition record. Keyed by archive id: doing it again
/// does nothing, and two workers racing append one addition between them.
/// </summary>
public sealed class PdfACopy(ContentStore store, IArchiveIndex index, ArchiveCatalog catalog, ArchiveIssuing issuing)
{
    public static string RecordId(string entryId) => $"{entryId}/pdfa";

    /// <returns>False when there was nothing to do: the copy exists, or the entry has been pruned.</returns>
    public async Task<bool> MakeAsync(string entryId, CancellationToken cancellationToken = default)
    {
        if (await index.FindAsync(entryId, cancellationToken) is not { Type: ArchiveRecordType.Entry } entry) return false;
        if (await catalog.PdfAOfAsync(entry, cancellationToken) is not null) return false;

        var issued = await store.GetAsync(entry.Files[ArchiveFile.Pdf], cancellationToken);
        var pdfa = await PdfArchival.ToPdfA2bAsync(issued, entry.Id, entry.Files[ArchiveFile.Snapshot], cancellationToken);
        var id = RecordId(entry.Id);
        StagedEntry staged;
        try
        {
            staged = await issuing.StageAsync(id, new Dictionary<string, byte[]> { [ArchiveFile.PdfA] = pdfa }, null, cancellationToken);
        }
        catch (IOException) when (File.Exists(PendingMarker.PathOf(store, id)))
        {
            // Another process is storing this copy this moment (two `pack --archive` of one report at once): its copy stands.
            return await AwaitOtherCopyAsync(entry, cancellationToken);
        }
        var record = await issuing.CommitOrAbandonAsync(staged, now => new ArchiveRecord
        {
            Seq = 0, Id = id, Type = ArchiveRecordType.Addition, CreatedAt = now, AddsTo = entry.Id,
            Authority = entry.Authority, Kind = entry.Kind, Period = entry.Period, Parameter = entry.Parameter,
            PreviousHash = ArchiveRecord.Genesis,
        }, cancellationToken);
        // Another worker got there first: its copy stands; ours goes unless the bytes are the same (or, should writes hold
        // the objects for minutes, it stays as an object no record holds: harmless).
        if (record.Files[ArchiveFile.PdfA] != staged.Files[ArchiveFile.PdfA])
            await ArchiveObjects.RemoveUnreferencedAsync(store, index, [staged.Files[ArchiveFile.PdfA]], ArchiveObjects.RemovalWait, cancellationToken);
        return true;
    }

    /// <summary>Waits for the copy another process is storing; should it never come (that process died), says so.</summary>
    private async Task<bool> AwaitOtherCopyAsync(ArchiveRecord entry, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < OtherCopyPatience; waited += TimeSpan.FromMilliseconds(200))
        {
            if (await catalog.PdfAOfAsync(entry, cancellationToken) is not null) return false;
            await Task.Delay(200, cancellationToken);
        }
        throw new IOException($"another process began storing the PDF/A copy of {entry.Id} and has not finished it; `verify` lists it as pending and serve makes it when it next starts");
    }

    private static readonly TimeSpan OtherCopyPatience = TimeSpan.FromMinutes(2);
}
