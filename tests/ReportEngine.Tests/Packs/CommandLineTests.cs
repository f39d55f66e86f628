using System.Diagnostics;
using System.Text.Json;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Packs;

/// <summary>The <c>pack</c> verb as cli.md defines it, run as a real process.</summary>
[Collection(IntegrationCollection.Name)]
public class CommandLineTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ReportEngine.Cli.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["REPORTENGINE_HOME"] = Repo.Root },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Pack_writes_the_pdf_and_metrics_json_and_prints_the_pdf_path()
    {
        using var output = new TempFolder();
        var (exit, stdout, stderr) = Run("pack", "--data", Repo.Sample, "--period", "2024-01", "--out", output.Path);
        Assert.True(exit == 0, stderr);
        var pdf = Path.Combine(output.Path, "NDC-2024-01-monthly.pdf");
        Assert.Equal(pdf + "\n", stdout);
        Assert.StartsWith("%PDF-", File.ReadAllText(pdf)[..8]);
        using var metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output.Path, "metrics.json")));
        Assert.Equal("NDC", metrics.RootElement.GetProperty("authority").GetString());
        Assert.Equal("2024-01-31", metrics.RootElement.GetProperty("period_end").GetString());
        Assert.Equal(118, metrics.RootElement.GetProperty("metrics").GetProperty("complaints.received_12m").GetProperty("value").GetInt32());
        Assert.Equal(["NDC-2024-01-monthly.pdf", "metrics.json"], Directory.GetFiles(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_dataset_with_errors_exits_2_lists_every_error_and_writes_nothing()
    {
        using var data = Repo.CopyOfSample();
        using var output = new TempFolder();
        var outDir = Path.Combine(output.Path, "out");
        File.AppendAllText(data.File("complaints.csv"), "BAD-1,2023-02-30,,2023-03-01,,,Carers,,false\n");
        File.AppendAllText(data.File("actions.csv"), "A999,NOT_A_QS,t,o,2023-01-01,2023-02-01,,RED\n");
        File.Delete(data.File("courses.csv"));

        var (exit, stdout, stderr) = Run("pack", "--data", data.Path, "--period", "2024-01", "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("complaints.csv:240: received_date: '2023-02-30' is not a valid date", stderr);
        Assert.Contains("actions.csv:26: qs_code: 'NOT_A_QS' is not one of", stderr);
        Assert.Contains("courses.csv: file is missing", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("pack", "--period", "2024-13", "--out", "x")]
    [InlineData("pack", "--out", "x")]
    [InlineData("pack", "--period", "2024-01", "--out", "x", "--colour", "red")]
    [InlineData("no-such-verb")]
    public void Bad_arguments_exit_2(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.NotEmpty(stderr);
    }
}
