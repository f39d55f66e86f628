namespace ReportEngine.Foundation;

/// <summary>A secret kept in a file (the archive's signing key, the sign-in keys' certificate) must be its owner's alone.</summary>
public static class PrivateFile
{
    /// <summary>Whether others than the file's owner may read or write it (never so on Windows, whose files have no Unix mode).</summary>
    public static bool OthersMayReach(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;
}
