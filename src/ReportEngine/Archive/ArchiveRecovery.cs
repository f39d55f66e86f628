using System.Text.Json;

namespace ReportEngine.Archive;

/// <summary>
/// Finishes or removes what a killed process left half-written: a committed record gets the checkpoint it may lack and
/// loses its pending marker, an uncommitted one its objects. Runs at every start (any archive command, or <c>serve</c>).
/// Only a marker proves the crash; a checkpoint missing without one is left for <c>verify</c> to report.
/// </summary>
public sealed class ArchiveRecovery(ContentStore store, IArchiveIndex index, ArchiveCheckpoints checkpoints, Lazy<ArchiveSigner> signer)
{
    /// <returns>How many markers were dealt with.</returns>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        SweepTemporaryFiles();
        var pending = PendingMarker.FolderOf(store);
        if (!Directory.Exists(pending)) return 0;
        var committedMarkers = new List<string>();
        var abandonedMarkers = new List<string>();
        var abandoned = new List<string>(); // objects of records never committed, removed unless a record holds them
        foreach (var path in Directory.EnumerateFiles(pending, "*.json"))
        {
            PendingMarker? marker;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                marker = await JsonSerializer.DeserializeAsync<PendingMarker>(stream, cancellationToken: cancellationToken);
            }
            catch (IOException)
            {
                continue; // still being written by a live process
            }
            catch (JsonException)
            {
                marker = null; // torn marker: nothing was stored after it
            }
            var committed = marker is null ? null : await index.FindAsync(marker.Id, cancellationToken);
            if (committed is not null)
            {
                await checkpoints.WriteAsync(committed, signer.Value, cancellationToken);
                committedMarkers.Add(path);
            }
            else
            {
                abandoned.AddRange(marker?.Objects ?? []);
                abandonedMarkers.Add(path);
            }
        }
        // A marker goes only once its work is done: one left (killed here, or writes held the objects too long) is dealt
        // with at the next recovery.
        foreach (var path in committedMarkers) File.Delete(path);
        if (!await ArchiveObjects.RemoveUnreferencedAsync(store, index, abandoned, ArchiveObjects.RemovalWait, cancellationToken))
            return committedMarkers.Count;
        foreach (var path in abandonedMarkers) File.Delete(path);
        return committedMarkers.Count + abandonedMarkers.Count;
    }

    /// <summary>How old a temporary file must be before it is taken for a dead writer's: no live write takes this long.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Temporary files (written, flushed, then renamed) that a killed writer never renamed.</summary>
    private void SweepTemporaryFiles()
    {
        if (!Directory.Exists(store.Root)) return;
        foreach (var temp in Directory.EnumerateFiles(store.Root, ".*.tmp", SearchOption.AllDirectories))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(temp) > StaleAfter) File.Delete(temp);
        }
    }
}
