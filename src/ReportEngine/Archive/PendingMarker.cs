namespace ReportEngine.Archive;

/// <summary>
/// Written, flushed and held open before an entry's objects are stored, and deleted once its record is committed:
/// a marker left behind names what a killed process may have half-written (see <see cref="ArchiveRecovery"/>).
/// </summary>
internal sealed record PendingMarker(string Id, IReadOnlyList<string> Objects)
{
    public static string FolderOf(ContentStore store) => Path.Combine(store.Root, "pending");
}
