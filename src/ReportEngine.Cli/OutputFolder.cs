namespace ReportEngine.Cli;

/// <summary>
/// <c>--out DIR</c>, checked before any long work: the folder, or the nearest folder above it that exists, must be a
/// folder this process can write in. Nothing is created here, so a refused run leaves nothing behind.
/// </summary>
internal static class OutputFolder
{
    /// <returns>Null when usable, else the one-line reason.</returns>
    public static string? Check(string folder)
    {
        try
        {
            var path = Path.GetFullPath(folder);
            if (File.Exists(path)) return $"--out: '{folder}' is a file, not a folder";
            var existing = new DirectoryInfo(path);
            while (existing is not null && !existing.Exists)
            {
                if (File.Exists(existing.FullName)) return $"--out: '{folder}' cannot be made: '{existing.FullName}' is a file";
                existing = existing.Parent;
            }
            if (existing is null) return $"--out: '{folder}' has no folder above it that exists";
            // Writing is the only reliable test of permission (root, read-only mounts, /proc): a probe made and removed at once.
            var probe = Path.Combine(existing.FullName, $".reportengine-probe-{Guid.NewGuid():N}");
            try
            {
                Directory.CreateDirectory(probe);
                Directory.Delete(probe);
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The probe's own name means nothing to the person: the folder is what could not be written.
                var why = ex is UnauthorizedAccessException ? "permission denied" : ex.Message.Replace($"'{probe}'", "", StringComparison.Ordinal).Replace(probe, "", StringComparison.Ordinal).Trim(' ', ':', '.');
                return $"--out: '{folder}' is not a folder that can be written ({(why.Length == 0 ? "the system refused" : why)} in {existing.FullName})";
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"--out: '{folder}' is not a folder that can be written: {ex.Message}";
        }
    }
}
