namespace ReportEngine.Archive;

/// <summary>
/// The follow-up that makes an entry's PDF/A-2b copy (Ghostscript costs more than the render, so it runs after the
/// issued PDF is archived) and joins it to the entry with an addition record. Keyed by archive id: doing it again
/// does nothing, and two workers racing append one addition between them.
/// </summary>
public sealed class PdfACopy(ContentStore store, IArchiveIndex index, ArchiveCatalog catalog, ArchiveIssuing issuing)
{
    private readonly EntryAdditions _additions = new(store, index, issuing);

    public static string RecordId(string entryId) => $"{entryId}/pdfa";

    /// <returns>False when there was nothing to do: the copy exists, or the entry has been pruned.</returns>
    public async Task<bool> MakeAsync(string entryId, CancellationToken cancellationToken = default)
    {
        if (await index.FindAsync(entryId, cancellationToken) is not { Type: ArchiveRecordType.Entry } entry) return false;
        if (await catalog.PdfAOfAsync(entry, cancellationToken) is not null) return false;

        var issued = await store.GetAsync(entry.Files[ArchiveFile.Pdf], cancellationToken);
        var pdfa = await PdfArchival.ToPdfA2bAsync(issued, entry.Id, entry.Files[ArchiveFile.Snapshot], cancellationToken);
        return await _additions.AddAsync(entry, RecordId(entry.Id), new Dictionary<string, byte[]> { [ArchiveFile.PdfA] = pdfa }, "the PDF/A copy",
            "`verify` lists it as pending and serve makes it when it next starts", cancellationToken);
    }
}
