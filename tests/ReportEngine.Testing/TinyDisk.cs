using System.Diagnostics;

namespace ReportEngine.Testing;

/// <summary>A real, small filesystem (tmpfs, mounted as root) that fills up: what a full disk does to a write, for real.</summary>
public sealed class TinyDisk : IDisposable
{
    private TinyDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/>; fails with the reason when this machine does not allow it (not root).</summary>
    public static TinyDisk Mount(long bytes)
    {
        var path = Directory.CreateTempSubdirectory("reportengine-tinydisk-").FullName;
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        if (exit != 0) throw new InvalidOperationException($"A tmpfs could not be mounted (the disk-full tests need root): {error}");
        return new TinyDisk(path);
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    private static (int Exit, string Error) Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
