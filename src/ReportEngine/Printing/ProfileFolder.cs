namespace ReportEngine.Printing;

/// <summary>
/// Removes a Chromium profile folder. Chromium's processes may still be writing into it as they exit, which makes a
/// delete find the folder not empty, or puts the folder back just after it was deleted: profiles holding only
/// <c>Default/</c>, without an owner file, were found left in the temporary folder, which no sweep would ever take, and the
/// clean-clone CI found a killed server's profile still there after the sweep. So the folder is deleted until it stays
/// gone, for up to five seconds; what is still there then is left, and said (the next start's sweep takes it only if its
/// owner file is still in it).
/// </summary>
internal static class ProfileFolder
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);
    private const int MostTries = 50;

    /// <summary>The temporary folder Chromium names its singleton socket's folder in: <c>org.chromium.Chromium.XXXXXX</c>.</summary>
    private const string SocketFolderPrefix = "org.chromium.Chromium.";

    /// <returns>Null once the folder is gone; else why it is still there.</returns>
    public static async Task<string?> DeleteAsync(string profile)
    {
        DeleteSocketFolder(profile);
        string? problem = null;
        for (var attempt = 0; attempt < MostTries; attempt++)
        {
            problem = null;
            try
            {
                if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // another process's sweep took it
            }
            catch (IOException ex)
            {
                problem = ex.Message;
            }
            await Task.Delay(Settle);
            if (problem is null && !Directory.Exists(profile)) return null;
        }
        return problem ?? "Chromium kept putting it back";
    }

    /// <summary>
    /// A Chromium that is killed rather than closed (a hung print, an engine stopped outright) leaves its singleton
    /// socket's folder in the temporary folder, which only Chromium's own clean exit removes: one small folder for every
    /// browser killed, for ever. The profile's <c>SingletonSocket</c> link names it; it is removed only when the link
    /// leads to such a folder directly in the temporary folder, so that a link can never make the engine delete anything else.
    /// </summary>
    private static void DeleteSocketFolder(string profile)
    {
        try
        {
            if (new FileInfo(Path.Combine(profile, "SingletonSocket")).LinkTarget is not { } target) return;
            var folder = Path.GetDirectoryName(Path.GetFullPath(target, profile));
            var temporary = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.GetTempPath()));
            if (folder is null || Path.GetDirectoryName(folder) != temporary || !Path.GetFileName(folder).StartsWith(SocketFolderPrefix, StringComparison.Ordinal))
                return;
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // gone already (Chromium closed cleanly), or not ours to remove: the profile is deleted all the same
        }
    }
}
