using ReportEngine.Cli;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Rendering;

/// <summary>The command line's refusals, run as a real process: each says what was meant and where its help is, in plain words.</summary>
[Collection(CommandLineCollection.Name)]
public class CommandLineErrorTests
{
    private static string[] Refused(params string[] args)
    {
        var (exit, stdout, stderr) = CliProcess.Run(args);
        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal("", stdout);
        Assert.DoesNotContain("   at ", stderr);
        return stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void A_mistyped_verb_or_option_is_offered_the_nearest_and_the_verbs_own_help()
    {
        Assert.Equal(["'pakc' is not a command of reportengine. Did you mean 'pack'?", "See: reportengine --help"], Refused("pakc", "--period", "2024-01"));
        Assert.Equal(["'rol' is not a command of reportengine users. Did you mean 'role'?", "See: reportengine users --help"], Refused("users", "rol", "a@b.gov.uk"));
        var option = Refused("pack", "--periodd", "2024-01", "--out", "x");
        Assert.Equal("'--periodd' is not an option of reportengine pack. Did you mean '--period'?", option[0]);
        Assert.Equal("See: reportengine pack --help", option[^1]);
        Assert.DoesNotContain(option, l => l.Contains("'2024-01'", StringComparison.Ordinal));
        Assert.Equal(["Option '--data' is required.", "See: reportengine import --help"], Refused("import"));
    }

    [Fact]
    public void A_value_outside_a_list_names_the_list_without_dotnet_type_names()
    {
        var lines = Refused("users", "role", "a@b.gov.uk", "--role", "Boss");
        Assert.Equal("--role: 'Boss' is not one of Viewer, Requester, Approver, Admin", lines[0]);
        Assert.DoesNotContain(lines, l => l.Contains("ReportEngine.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unwritable_out_folder_is_named_without_the_probe_file()
    {
        var (exit, _, stderr) = CliProcess.Run("pack", "--period", "2024-01", "--out", "/proc/reportengine-out");
        Assert.Equal(2, exit);
        Assert.StartsWith("--out: '/proc/reportengine-out' is not a folder that can be written", stderr);
        Assert.DoesNotContain("probe", stderr);
    }

    [Fact]
    public void Every_verbs_help_shows_an_example()
    {
        var verbs = HelpExamples.Verbs(CommandLineRoot.Create(), "").ToList();
        Assert.True(verbs.Count >= 30);
        Assert.All(verbs, verb => Assert.Contains($"Example:\n  reportengine {verb.Path}", verb.Command.Description));
        var (exit, stdout, _) = CliProcess.Run("pack", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("  Example:\n    reportengine pack --period 2024-01 --out packs/2024-01", stdout);
    }

    [Fact]
    public async Task Ctrl_C_cancels_a_pack_with_one_cancelled_line_exit_130_and_nothing_written()
    {
        using var output = new TempFolder();
        var folder = Path.Combine(output.Path, "packs");
        var start = CliProcess.StartInfo(null, "pack", "--period", "2024-01", "--out", folder);
        // SIGINT as a terminal sends it, with its default disposition restored (a shell's background job inherits it ignored).
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT");
        start.FileName = "env";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        var printing = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr) stderr.AppendLine(e.Data);
            if (e.Data?.Contains("Computing the figures", StringComparison.Ordinal) == true) printing.TrySetResult();
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await printing.Task.WaitAsync(TimeSpan.FromMinutes(2));
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        process.WaitForExit(); // the error stream read to its end

        string text;
        lock (stderr) text = stderr.ToString();
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {text}");
        Assert.Equal("", await stdout);
        Assert.Single(text.Split('\n'), l => l.StartsWith("Cancelled", StringComparison.Ordinal));
        Assert.Equal("Cancelled; nothing was written.", text.TrimEnd().Split('\n')[^1]);
        Assert.DoesNotContain("   at ", text);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(), "something was written");
    }
}
