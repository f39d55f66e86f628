using System.Diagnostics;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The data stages of the monthly pack, warm, without printing: reading and validating the dataset's files, and
/// computing every figure (24 months of trends included), for the sample and for the sample scaled <c>times</c> over,
/// so that a cost per row that grows with the rows shows as a ratio above 1.
/// </summary>
internal static class DataBenchmark
{
    /// <summary>
    /// Warm means compiled fully: .NET first runs a method as quickly compiled code and compiles it again, optimised,
    /// after 30 calls, in the background. Three warm-up runs measured much of the sample in that first code (149 ms
    /// where the same data measured after it took 77).
    /// </summary>
    private const int WarmUpRuns = 30;

    /// <param name="pauseMs">An idle pause before each run, as between reports asked for one by one (0: none).</param>
    public static async Task RunAsync(int runs, int times, int pauseMs = 0)
    {
        var pause = TimeSpan.FromMilliseconds(pauseMs);
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, times, operations: true);
        Console.WriteLine($"Monthly pack for January 2024, data stages only, median of {runs} runs after {WarmUpRuns} warm-up runs (3 for the scaled dataset, the code warm by then), {pauseMs} ms idle before each (ms)");
        Console.WriteLine();
        MarkdownTable.Header("dataset", "rows", "load and validate", "compute", "together", "of which the garbage collector paused", "allocated (MB)", "collections", "µs per row");
        var sample = await MeasureAsync("Sample (samples/northdale)", Repo.Sample, runs, pause);
        var scaled = await MeasureAsync($"Sample scaled {times} times", big.Path, Math.Max(3, runs / 10), pause, warmUp: 3);
        Console.WriteLine();
        Console.WriteLine($"- sample, load and compute together: **{sample.Total:F1} ms** (target: at most 150 ms)");
        Console.WriteLine($"- cost per row, {times}-times dataset / sample: **{scaled.PerRow / sample.PerRow:F2}×** (1× when the cost per row does not grow)");
    }

    /// <summary>
    /// The long report's data stages (<c>passes</c>): the quality-statement report for LEARNING over the sample scaled
    /// <c>times</c> over without the Care Act files, after 3 warm-up runs.
    /// </summary>
    public static async Task RunLongAsync(int runs, int times)
    {
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, times);
        Console.WriteLine($"Quality statement LEARNING for January 2024, data stages only, median of {runs} runs after 3 warm-up runs (ms)");
        Console.WriteLine();
        MarkdownTable.Header("dataset", "rows", "load and validate", "compute", "together", "of which the garbage collector paused", "allocated (MB)", "collections", "µs per row");
        await MeasureAsync($"Sample scaled {times} times", big.Path, runs, TimeSpan.Zero, warmUp: 3, ReportKinds.QualityStatement, Evidence.QualityStatement.Learning);
    }

    private static async Task<(double Total, double PerRow)> MeasureAsync(string name, string dataset, int runs, TimeSpan pause, int warmUp = WarmUpRuns,
        ReportKind? kind = null, Evidence.QualityStatement? statement = null)
    {
        kind ??= ReportKinds.Monthly;
        var folder = new DatasetFolderSource(dataset);
        var code = await folder.AuthorityCodeAsync();
        if (!kind.PeriodType.TryParse("2024-01", out var period)) throw new InvalidOperationException("period");
        var report = ReportIdentity.Of(code, kind, period, statement);
        var runsMeasured = new List<Run>();
        for (var i = 0; i < runs + warmUp; i++)
        {
            // A report is most often asked for on a process that has been idle, unlike a run straight after the last.
            if (pause > TimeSpan.Zero) await Task.Delay(pause);
            var run = await RunOnceAsync(folder, kind, report);
            if (i >= warmUp) runsMeasured.Add(run);
        }
        var (l, c) = (Stats.Median(runsMeasured.Select(r => r.Load)), Stats.Median(runsMeasured.Select(r => r.Compute)));
        var rows = runsMeasured[0].Rows;
        Console.WriteLine($"| {name} | {rows:N0} | {l:F1} | {c:F1} | {l + c:F1} | {Stats.Median(runsMeasured.Select(r => r.Paused)):F1} | " +
                          $"{Stats.Median(runsMeasured.Select(r => r.AllocatedMiB)):F0} | {Stats.Median(runsMeasured.Select(r => (double)r.Collections)):F0} | {(l + c) * 1000 / rows:F2} |");
        return (l + c, (l + c) / rows);
    }

    private sealed record Run(TimeSpan Load, TimeSpan Compute, TimeSpan Paused, double AllocatedMiB, int Collections, long Rows);

    /// <summary>One run, in its own method so that nothing of its evidence is alive once it returns.</summary>
    private static async Task<Run> RunOnceAsync(DatasetFolderSource folder, ReportKind kind, ReportIdentity report)
    {
        var (paused, bytes, collected) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
        // As the issuing path does, so that the process collects in an idle pause after it as it would between reports.
        using var inFlight = Issuing.IdleCollection.Process.Begin();
        var watch = Stopwatch.StartNew();
        var gathered = await folder.GatherAsync();
        var loaded = watch.Elapsed;
        watch.Restart();
        kind.Compute(gathered.Evidence, report);
        return new Run(loaded, watch.Elapsed, GC.GetTotalPauseDuration() - paused, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1048576.0,
            GC.CollectionCount(0) - collected, gathered.Provenance.RowsPerFile.Sum(f => (long)f.Value));
    }
}
