namespace ReportEngine.Archive;

/// <summary>
/// <see cref="ObjectsAccess"/> for objects kept as files: a lock file beside them, held shared by writers and alone by
/// a remover (flock(2), which .NET takes for <see cref="FileShare"/>), so that every process on the machine using the
/// folder keeps to it. The lock is released when its holder closes it or dies.
/// </summary>
internal static class ObjectsLockFile
{
    /// <summary>How often a holder that has to wait tries again: removers hold the lock for a moment, writers for one commit.</summary>
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until the lock is held or <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<IAsyncDisposable> HoldAsync(string path, ObjectsAccess access, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                // Read access with sharing takes flock's shared lock; read-write access with none takes it alone.
                return access == ObjectsAccess.Writing
                    ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite)
                    : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex.GetType() == typeof(IOException)) // held by another: not a missing file or folder
            {
                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
    }
}
