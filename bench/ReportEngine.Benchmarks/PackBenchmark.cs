using System.Diagnostics;
using System.Globalization;
using ReportEngine.Gathering;
using ReportEngine.Printing;
using ReportEngine.Metrics;
using ReportEngine.Rendering;
using ReportEngine.Testing;
using UglyToad.PdfPig;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The sample monthly pack with a warm browser, split by stage, against Chromium alone printing the pack's final HTML once
/// through the same browser settings: the least a pack can cost. Runs are interleaved so drift hits both alike.
/// </summary>
internal static class PackBenchmark
{
    public static async Task RunAsync(int iterations, int warmup)
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var printer = new ChromiumPdfPrinter(browser);
        var issuer = BenchRenderer.Issuer(browser);
        var request = BenchRenderer.Request(Repo.Sample);

        var packs = new List<ReportTimings>();
        var alone = new List<TimeSpan>();
        var pages = 0;
        for (var i = 0; i < warmup + iterations; i++)
        {
            var pack = (await issuer.IssueAsync(request)).Rendered!;
            var watch = Stopwatch.StartNew();
            await printer.PrintAsync(pack.FinalPrint);
            var chromiumAlone = watch.Elapsed;
            if (i < warmup) continue;
            packs.Add(pack.Timings);
            alone.Add(chromiumAlone);
            using var pdf = PdfDocument.Open(pack.Pdf);
            pages = pdf.NumberOfPages;
        }

        var total = Stats.Median(packs.Select(p => p.Total));
        var floor = Stats.Median(alone);
        Console.WriteLine($"Sample monthly pack, {pages} pages, {iterations} measured runs after {warmup} warm-up runs (median ms)");
        Console.WriteLine();
        Console.WriteLine("| stage | median ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| load (gather and validate the dataset) | {Stats.Median(packs.Select(p => p.Gather)):F1} |");
        Console.WriteLine($"| compute (every metric) | {Stats.Median(packs.Select(p => p.Compute)):F1} |");
        Console.WriteLine($"| template (view model and HTML: headings, placeholders, the record) | {Stats.Median(packs.Select(p => p.Template)):F1} |");
        Console.WriteLine($"| print (one Chromium print, its bookmarks read and its page numbers written) | {Stats.Median(packs.Select(p => p.Print)):F1} |");
        Console.WriteLine($"| **whole pack** | **{total:F1}** |");
        Console.WriteLine($"| Chromium alone: the pack's final HTML printed once | {floor:F1} |");
        Console.WriteLine();
        Console.WriteLine($"- pack / one Chromium print: **{total / floor:F2}×** (target: at most 1.1×)");
        Console.WriteLine($"- data stages (load and compute): {Stats.Median(packs.Select(p => p.Gather + p.Compute)):F1} ms (target: at most 150 ms)");
        Console.WriteLine($"- pages per second: {pages / (total / 1000):F1}");
        Console.WriteLine($"- peak memory: engine process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB; Chromium processes {ChromiumPeakMiB():F0} MiB (sum of each process's peak)");
    }

    /// <summary>VmHWM of every Chromium process (browser, renderers, GPU and utility processes).</summary>
    private static double ChromiumPeakMiB()
    {
        var total = 0L;
        foreach (var status in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "status")).Where(File.Exists))
        {
            string text;
            try { text = File.ReadAllText(status); } catch (IOException) { continue; }
            if (!text.Contains("Name:\tchromium", StringComparison.Ordinal) && !text.Contains("Name:\tchrome", StringComparison.Ordinal)) continue;
            var hwm = text.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (hwm is not null) total += long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        return total / 1024.0;
    }
}
