using System.Diagnostics;
using Npgsql;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// Packs per minute through the real worker service: one, then two <c>serve</c> processes on one database; and when the
/// last follow-up (the PDF/A copies, which wait behind reports) was done.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task RunAsync(int packs)
    {
        await using var postgres = ThrowawayPostgres.Create();
        using var output = new TempFolder();
        MarkdownTable.Header("serve processes (2 workers each)", "packs", "wall time (s)", "packs per minute", "every follow-up done (s)");
        foreach (var processes in new[] { 1, 2 })
        {
            var db = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), Repo.Sample);
            await using var source = NpgsqlDataSource.Create(db);

            var servers = new List<ServeProcess>();
            for (var i = 0; i < processes; i++) servers.Add(await ServeProcess.StartAsync(db, Path.Combine(output.Path, $"{processes}")));
            var storage = TestDatabases.HangfireStorage(db);

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < packs; i++) TestDatabases.EnqueuePack(storage, "NDC", new ReportingPeriod(2022, 2).Shift(i).ToString());
            var runs = new ReportRunStore(source);
            while ((await runs.ListAsync()).Count(r => r.State == "succeeded") < packs) await Task.Delay(50);
            var seconds = watch.Elapsed.TotalSeconds;
            var monitor = storage.GetMonitoringApi();
            while (monitor.Queues().Any(q => q.Length > 0) || monitor.ProcessingCount() > 0 || monitor.ScheduledCount() > 0) await Task.Delay(100);
            Console.WriteLine($"| {processes} | {packs} | {seconds:F1} | {packs / seconds * 60:F0} | {watch.Elapsed.TotalSeconds:F1} |");
            foreach (var server in servers) await server.DisposeAsync();
        }
    }
}
