using ReportEngine.Foundation;

namespace ReportEngine.Rendering;

/// <summary>Writes a pack's files so they appear whole or not at all: each goes to a temporary file, is flushed to disk, then renamed.</summary>
public static class ReportOutput
{
    public const string MetricsFileName = "metrics.json";

    /// <param name="editions">Other editions of the report, by file name, written beside the PDF in the same way.</param>
    /// <returns>The full path of the PDF.</returns>
    public static async Task<string> WriteAsync(string fileName, byte[] pdf, byte[] metricsJson, string folder, CancellationToken cancellationToken = default,
        IReadOnlyList<(string FileName, byte[] Bytes)>? editions = null)
    {
        Directory.CreateDirectory(folder);
        // The PDF last: a run that stops part-way never leaves a PDF beside editions or figures of another run.
        var files = (editions ?? []).Append((MetricsFileName, metricsJson)).Append((fileName, pdf))
            .Select(f => (Path: SafePath.Combine(folder, f.Item1), Bytes: f.Item2)).ToList();
        foreach (var file in files) RemoveLeftovers(file.Path);
        var temps = new List<(string Temp, string Path)>();
        try
        {
            foreach (var file in files) temps.Add((await WriteTempAsync(file.Path, file.Bytes, cancellationToken), file.Path));
            foreach (var (temp, path) in temps) File.Move(temp, path, overwrite: true);
        }
        finally
        {
            foreach (var (temp, _) in temps) File.Delete(temp);
        }
        return files[^1].Path;
    }

    /// <summary>Temporary files a killed process left beside the target; one pack is written by one run at a time.</summary>
    private static void RemoveLeftovers(string path)
    {
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.*.tmp")) File.Delete(stale);
    }

    /// <summary>Writes bytes to a hidden temporary file beside <paramref name="path"/> and flushes it to disk.</summary>
    public static async Task<string> WriteTempAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            // A full disk or a cancelled write leaves nothing behind.
            File.Delete(temp);
            throw;
        }
    }
}
