using ReportEngine.Foundation;
using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace ReportEngine.Archive;

/// <summary>
/// Runs a command-line tool (Ghostscript, qpdf) through one runner: a time limit, cancellation that kills the process,
/// and a one-line error that says which tool failed and why.
/// </summary>
internal static class ExternalTool
{
    /// <summary>Longer than any archive step takes (Ghostscript on a 500-page report takes under a minute).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(5);

    /// <param name="workFolder">
    /// Where the tool runs, and its TMPDIR: Ghostscript leaves <c>gs_*</c> files in the temporary folder now and then (8 in
    /// the 1,000-pack soak), which go when the caller removes its work folder.
    /// </param>
    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, string workFolder, CancellationToken cancellationToken,
        params int[] okExitCodes)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        BufferedCommandResult result;
        try
        {
            // Cancelling the token kills the process (and so a hung tool never outlives its caller).
            result = await Cli.Wrap(tool).WithArguments(arguments).WithWorkingDirectory(workFolder)
                .WithEnvironmentVariables(e => e.Set("TMPDIR", workFolder).Set("TEMP", workFolder))
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(limit.Token);
        }
        catch (Win32Exception ex)
        {
            throw new ArchiveToolException($"{tool} is not installed ({ex.Message}); install it with: apt-get install -y ghostscript qpdf");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArchiveToolException($"{tool} did not finish within {TimeLimit.TotalMinutes:F0} minutes and was stopped");
        }
        var ok = okExitCodes.Length == 0 ? result.ExitCode == 0 : okExitCodes.Contains(result.ExitCode);
        if (!ok) throw new ArchiveToolException($"{tool} exited {result.ExitCode}: {Brief(result.StandardError)} {Brief(result.StandardOutput)}".TrimEnd());
        return result.StandardOutput;
    }

    private static string Brief(string output)
    {
        var text = output.Trim().ReplaceLineEndings(" ");
        return text.Length > 400 ? text[..400] + "…" : text;
    }
}

/// <summary>Ghostscript or qpdf was missing, failed or hung.</summary>
public sealed class ArchiveToolException(string message) : Foundation.PermanentFailureException(message);
