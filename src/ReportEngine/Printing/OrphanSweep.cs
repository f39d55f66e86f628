using System.Diagnostics;
using System.Globalization;

namespace ReportEngine.Printing;

/// <summary>
/// Finds the Chromium processes of ReportEngine processes that are gone (killed outright, so they never closed their
/// browser), stops them and removes their profile folders. A profile belongs to the engine when it is one of its
/// <c>reportengine-chromium-*</c> folders with an owner file; its owner is gone when no process has that id and start time.
/// </summary>
internal static class OrphanSweep
{
    /// <returns>How many processes were stopped.</returns>
    public static async Task<int> RunAsync()
    {
        var stopped = 0;
        foreach (var profile in Directory.EnumerateDirectories(Path.GetTempPath(), ChromiumBrowser.ProfilePrefix + "*"))
        {
            var owner = Path.Combine(profile, ChromiumBrowser.OwnerFileName);
            string ownerText;
            try
            {
                ownerText = File.ReadAllText(owner);
            }
            catch (IOException)
            {
                continue; // no owner file (not the engine's), or a folder its owner is removing right now
            }
            if (IsAlive(ownerText)) continue;
            stopped += await StopProcessesUsingAsync(profile);
            await ProfileFolder.DeleteAsync(profile);
        }
        return stopped;
    }

    /// <summary>
    /// Kills every process still running on the profile, in rounds until none is left: the browser's own process can
    /// start a child between one reading of /proc and the kill, and each keeps writing into the profile until it is gone.
    /// </summary>
    private static async Task<int> StopProcessesUsingAsync(string profile)
    {
        var stopped = new HashSet<int>();
        for (var round = 0; round < 50; round++)
        {
            var running = ProcessesUsing(profile).ToList();
            if (running.Count == 0) break;
            foreach (var pid in running)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                    stopped.Add(pid);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { } // already gone
            }
            await Task.Delay(100); // a killed process leaves /proc's running list once the kernel has torn it down
        }
        return stopped.Count;
    }

    private static bool IsAlive(string ownerText)
    {
        var parts = ownerText.Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            // The same id with another start time is a new process that reused the id. Start times are derived from the
            // boot time, which each process computes for itself, so they agree only to within a second or so.
            return Math.Abs(process.StartTime.ToUniversalTime().Ticks - started) < TimeSpan.TicksPerSecond * 2;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone (or, on reading its start time, just gone: another report's process ending while this one starts its
            // browser, which was a `pack` failing with "unexpected error").
            return false;
        }
    }

    /// <summary>Processes whose command line names the profile folder (Linux's /proc; elsewhere none are found).</summary>
    private static IEnumerable<int> ProcessesUsing(string profile)
    {
        if (!Directory.Exists("/proc")) yield break;
        var flag = $"--user-data-dir={profile}";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Split('\0').Contains(flag)) yield return pid;
        }
    }
}
