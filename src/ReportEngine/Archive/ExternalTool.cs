using System.Diagnostics;

namespace ReportEngine.Archive;

/// <summary>Runs a command-line tool (Ghostscript, qpdf) and fails with what it said when it fails.</summary>
internal static class ExternalTool
{
    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken, params int[] okExitCodes)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ArchiveToolException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ArchiveToolException($"{tool} is not installed ({ex.Message}); install it with: apt-get install -y ghostscript qpdf");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var ok = okExitCodes.Length == 0 ? process.ExitCode == 0 : okExitCodes.Contains(process.ExitCode);
            if (!ok) throw new ArchiveToolException($"{tool} exited {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
            return await stdout;
        }
    }
}

/// <summary>Ghostscript or qpdf was missing or failed.</summary>
public sealed class ArchiveToolException(string message) : Issuing.PermanentFailureException(message);
