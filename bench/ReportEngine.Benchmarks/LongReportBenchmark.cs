using System.Diagnostics;
using ReportEngine.Printing;
using ReportEngine.Testing;
using UglyToad.PdfPig;

namespace ReportEngine.Benchmarks;

/// <summary>
/// A very long report as a person would make it: the command line's <c>pack</c>, as its own process, of the
/// quality-statement report (LEARNING) over the sample scaled <c>times</c> over (every complaint and finding listed), with the print's
/// time limit raised as a council would for it. Measures the wall time, the pages, the peak resident memory of the
/// process tree (the command line, Chromium and its children; sampled every 100 ms), and that standard error holds no
/// stack trace.
/// </summary>
internal static class LongReportBenchmark
{
    public static async Task RunAsync(int times, int printTimeoutSeconds)
    {
        using var data = new TempFolder();
        using var output = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, data.Path, times);
        var start = CliProcess.StartInfo(new Dictionary<string, string> { ["Chromium__PrintTimeoutSeconds"] = printTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "pack", "--kind", "quality-statement", "--statement", "LEARNING", "--period", "2024-01", "--data", data.Path, "--out", output.Path);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peakTree = 0;
        while (!process.HasExited)
        {
            peakTree = Math.Max(peakTree, ProcessTree.ResidentBytes(process.Id));
            await Task.Delay(100);
        }
        await process.WaitForExitAsync();
        var elapsed = watch.Elapsed;
        var (err, outText) = (await stderr, await stdout);
        var pdf = Directory.EnumerateFiles(output.Path, "*.pdf").FirstOrDefault();
        var pages = 0;
        if (pdf is not null)
        {
            using var document = PdfDocument.Open(pdf);
            pages = document.NumberOfPages;
        }
        Console.WriteLine($"quality-statement LEARNING 2024-01 over the sample {times} times; Chromium__PrintTimeoutSeconds={printTimeoutSeconds}");
        Console.WriteLine();
        MarkdownTable.Header("exit", "pages", "PDF (MiB)", "wall time (s)", "ms per page", "peak resident memory of the process tree (MiB)", "stack trace on stderr");
        Console.WriteLine($"| {process.ExitCode} | {pages} | {(pdf is null ? 0 : new FileInfo(pdf).Length / 1048576.0):F1} | {elapsed.TotalSeconds:F0} | " +
                          $"{(pages == 0 ? 0 : elapsed.TotalMilliseconds / pages):F0} | {peakTree / 1048576.0:F0} | {(err.Contains("   at ", StringComparison.Ordinal) ? "yes" : "no")} |");
        Console.WriteLine();
        Console.WriteLine("stdout: " + outText.Trim());
        if (err.Length > 0) Console.WriteLine("stderr: " + err.Trim());
    }
}
