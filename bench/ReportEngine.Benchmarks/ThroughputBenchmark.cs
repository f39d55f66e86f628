using System.Diagnostics;
using Npgsql;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>Packs per minute through the real worker service: one, then two <c>serve</c> processes on one database.</summary>
internal static class ThroughputBenchmark
{
    public static async Task RunAsync(int packs)
    {
        await using var postgres = ThrowawayPostgres.Create();
        using var output = new TempFolder();
        Console.WriteLine($"| serve processes (2 workers each) | packs | wall time (s) | packs per minute |");
        Console.WriteLine("|---:|---:|---:|---:|");
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
            Console.WriteLine($"| {processes} | {packs} | {seconds:F1} | {packs / seconds * 60:F0} |");
            foreach (var server in servers) await server.DisposeAsync();
        }
    }
}
