namespace ReportEngine.Benchmarks;

internal static class Stats
{
    public static double Median(IEnumerable<TimeSpan> values) => Median(values.Select(v => v.TotalMilliseconds));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The nearest-rank percentile, in milliseconds.</summary>
    public static double Percentile(IEnumerable<TimeSpan> values, int percent)
    {
        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
    }

    public static async Task<double> MedianMsAsync(int runs, Func<Task> work)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed);
        }
        return Median(times);
    }
}
