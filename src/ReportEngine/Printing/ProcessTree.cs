using System.Globalization;

namespace ReportEngine.Printing;

/// <summary>
/// A process and everything it started, read from Linux's /proc (elsewhere: the process alone, size unknown). Public for
/// the benchmarks, which sample the memory of <c>serve</c> and its browser with it.
/// </summary>
public static class ProcessTree
{
    /// <summary>The resident memory, in bytes, of <paramref name="root"/> and all its descendants.</summary>
    public static long ResidentBytes(int root) => Of(root).Sum(ResidentOf);

    /// <summary>
    /// SIGKILL for <paramref name="root"/> and every process under it, found before any is killed (a child whose parent
    /// has died is handed to init and can no longer be found from it). Works on stopped processes too.
    /// </summary>
    public static void Kill(int root)
    {
        foreach (var pid in Of(root))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { } // gone already
        }
    }

    /// <summary><paramref name="root"/> and every process it started, and they started, that is still running.</summary>
    public static IReadOnlySet<int> Of(int root)
    {
        if (!Directory.Exists("/proc")) return new HashSet<int> { root };
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (ParentOf(dir) is { } parent) parents[pid] = parent;
        }
        var tree = new HashSet<int>();
        if (Directory.Exists($"/proc/{root}")) tree.Add(root);
        else return tree;
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                if (tree.Contains(parent) && tree.Add(pid)) grew = true;
        }
        return tree;
    }

    private static int? ParentOf(string dir)
    {
        try
        {
            // /proc/PID/stat: "pid (name) state ppid …"; the name may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // gone while being read
        }
    }

    /// <summary>The resident memory, in bytes, of one process (0 when it is gone).</summary>
    public static long ResidentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
