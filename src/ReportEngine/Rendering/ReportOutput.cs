using ReportEngine.Foundation;

namespace ReportEngine.Rendering;

/// <summary>Writes a pack's files so they appear whole or not at all: each goes to a temporary file, is flushed to disk, then renamed.</summary>
public static class ReportOutput
{
    public const string MetricsFileName = "metrics.json";

    /// <returns>The full path of the PDF.</returns>
    public static async Task<string> WriteAsync(string fileName, byte[] pdf, byte[] metricsJson, string folder, CancellationToken cancellationToken = default)
    {
        var pdfPath = SafePath.Combine(folder, fileName);
        var metricsPath = SafePath.Combine(folder, MetricsFileName);
        Directory.CreateDirectory(folder);
        RemoveLeftovers(pdfPath);
        RemoveLeftovers(metricsPath);
        var pdfTemp = await WriteTempAsync(pdfPath, pdf, cancellationToken);
        string? metricsTemp = null;
        try
        {
            metricsTemp = await WriteTempAsync(metricsPath, metricsJson, cancellationToken);
            File.Move(metricsTemp, metricsPath, overwrite: true);
            File.Move(pdfTemp, pdfPath, overwrite: true);
        }
        finally
        {
            File.Delete(pdfTemp);
            if (metricsTemp is not null) File.Delete(metricsTemp);
        }
        return pdfPath;
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
