using System.Globalization;
using ReportEngine.Printing;

namespace ReportEngine.Benchmarks;

/// <summary>Peak resident memory (VmHWM) of processes, read from /proc.</summary>
internal static class PeakMemory
{
    /// <summary>The sum of each process's own peak, in MiB, over <paramref name="root"/> and its descendants, less <paramref name="except"/>'s.</summary>
    public static double OfTree(int root, int? except = null)
    {
        var excluded = except is { } other ? ProcessTree.Of(other) : new HashSet<int>();
        return ProcessTree.Of(root).Where(pid => !excluded.Contains(pid)).Sum(PeakKiB) / 1024.0;
    }

    private static long PeakKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // ended meanwhile
        }
    }
}
