namespace ReportEngine.Cli;

/// <summary><c>--out DIR</c>, checked before any long work: the folder exists or can be made, and a file can be written in it.</summary>
internal static class OutputFolder
{
    /// <returns>Null when usable, else the one-line reason.</returns>
    public static string? Check(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".reportengine-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"--out: '{folder}' is not a folder that can be written: {ex.Message}";
        }
    }
}
