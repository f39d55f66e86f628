using System.Text.Json;

namespace ReportEngine.Archive;

/// <summary>
/// Written, flushed and held open before a record's objects are stored, and deleted once its record is committed and
/// checkpointed: a marker left behind names what a killed process may have half-written (see <see cref="ArchiveRecovery"/>).
/// </summary>
internal sealed record PendingMarker(string Id, IReadOnlyList<string> Objects)
{
    public static string FolderOf(ContentStore store) => Path.Combine(store.Root, "pending");

    /// <summary>The marker file of the record <paramref name="id"/>.</summary>
    public static string PathOf(ContentStore store, string id) => Path.Combine(FolderOf(store), $"{Uri.EscapeDataString(id)}.json");

    /// <summary>Creates the marker file and keeps it open (and so locked: recovery skips markers still held).</summary>
    public static async Task<FileStream> CreateAsync(ContentStore store, string id, IReadOnlyList<string> objects, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(FolderOf(store));
        var marker = new FileStream(PathOf(store, id), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        await marker.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new PendingMarker(id, objects)), cancellationToken);
        await marker.FlushAsync(cancellationToken);
        marker.Flush(flushToDisk: true);
        return marker;
    }
}
