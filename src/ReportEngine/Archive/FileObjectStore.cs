using System.Globalization;

namespace ReportEngine.Archive;

/// <summary>
/// Objects as files under their SHA-256 (<c>objects/ab/abcdef…</c>) and checkpoints as <c>checkpoints/000000000042.json</c>:
/// written to a temporary file, flushed to disk, made read-only and renamed into place.
/// </summary>
public sealed class FileObjectStore(string root) : IObjectStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string sha256) => Path.Combine(Root, "objects", sha256[..2], sha256);

    public string CheckpointPathOf(long seq) => Path.Combine(Root, "checkpoints", $"{seq.ToString("D12", CultureInfo.InvariantCulture)}.json");

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(sha256)));

    public Task PutAsync(string sha256, byte[] bytes, CancellationToken cancellationToken) => WriteOnceAsync(PathOf(sha256), bytes, cancellationToken);

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(sha256), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> HoldAsync(ObjectsAccess access, CancellationToken cancellationToken) =>
        ObjectsLockFile.HoldAsync(Path.Combine(Root, "objects.lock"), access, cancellationToken);

    public Task PutCheckpointAsync(long seq, byte[] body, CancellationToken cancellationToken) => WriteOnceAsync(CheckpointPathOf(seq), body, cancellationToken);

    public async Task<IReadOnlyList<(long Seq, byte[] Body)>> CheckpointsAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Root, "checkpoints");
        if (!Directory.Exists(folder)) return [];
        var checkpoints = new List<(long, byte[])>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
                checkpoints.Add((seq, await File.ReadAllBytesAsync(path, cancellationToken)));
        return checkpoints;
    }

    /// <summary>
    /// Writes a file that is never replaced: to a temporary file, flushed, made read-only, then renamed into place.
    /// When the file exists already (another writer got there first), it is left as it is.
    /// </summary>
    private static async Task WriteOnceAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = await Rendering.ReportOutput.WriteTempAsync(path, bytes, cancellationToken);
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer stored the same bytes first.
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
