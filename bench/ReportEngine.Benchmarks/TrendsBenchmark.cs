using System.Diagnostics;
using ReportEngine.Gathering;
using ReportEngine.Printing;
using ReportEngine.Metrics;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// What the trends cost: the monthly pack's figures computed as before them (the month and the year before) and as
/// now (24 months for the trend keys, statuses and attention), interleaved, beside the whole pack's time in the same run.
/// </summary>
internal static class TrendsBenchmark
{
    public static async Task RunAsync(int iterations)
    {
        var evidence = (await new DatasetFolderSource(Repo.Sample).GatherAsync()).Evidence;
        var month = new ReportingPeriod(2024, 1);
        var before = new List<TimeSpan>();
        var after = new List<TimeSpan>();
        for (var i = 0; i < iterations + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = (PackMetrics.Compute(evidence, month), PackMetrics.Compute(evidence, month.Shift(-12)));
            var b = watch.Elapsed;
            watch.Restart();
            _ = MonthlyFigures.Compute(evidence, month);
            var a = watch.Elapsed;
            if (i < 3) continue; // warm-up
            before.Add(b);
            after.Add(a);
        }

        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var issuer = BenchRenderer.Issuer(browser);
        var request = BenchRenderer.Request(Repo.Sample);
        await issuer.IssueAsync(request);
        var packs = new List<TimeSpan>();
        var prints = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var pack = (await issuer.IssueAsync(request)).Rendered!;
            packs.Add(pack.Timings.Total);
            prints.Add(pack.Timings.Print);
        }

        Console.WriteLine($"Sample monthly pack, figures computed {iterations} times each way (median ms), and the whole pack 5 times");
        Console.WriteLine();
        Console.WriteLine("| | median ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| figures before the trends (the month and the year before) | {Stats.Median(before):F1} |");
        Console.WriteLine($"| figures now (24 months of the trend keys, statuses, attention) | {Stats.Median(after):F1} |");
        Console.WriteLine($"| the whole pack now | {Stats.Median(packs):F0} |");
        Console.WriteLine($"| of which printing | {Stats.Median(prints):F0} |");
        Console.WriteLine();
        Console.WriteLine($"- trends / before: **{Stats.Median(after) / Stats.Median(before):F1}×**; the figures are {100 * Stats.Median(after) / Stats.Median(packs):F1}% of the whole pack and {100 * Stats.Median(after) / Stats.Median(prints):F1}% of the print");
    }
}
