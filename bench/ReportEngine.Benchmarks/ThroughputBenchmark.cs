using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Gathering;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Service;
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
            var db = await postgres.CreateDatabaseAsync();
            await EvidenceDatabase.MigrateAsync(db, NullLogger.Instance, alsoUnderLock: c => PostgreSqlObjectsInstaller.Install(c, ServiceHost.HangfireSchema));
            await using var source = NpgsqlDataSource.Create(db);
            await new PostgresEvidenceStore(source).ImportAsync(await new DatasetFolderSource(Repo.Sample).GatherAsync(), TimeProvider.System);

            var servers = new List<ServeProcess>();
            for (var i = 0; i < processes; i++) servers.Add(await ServeProcess.StartAsync(db, Path.Combine(output.Path, $"{processes}")));
            ServiceHost.UseSerialization(GlobalConfiguration.Configuration);
            var options = ServiceHost.StorageOptions(TimeSpan.FromMinutes(5));
            var client = new BackgroundJobClient(new PostgreSqlStorage(new NpgsqlConnectionFactory(db, options), options));

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < packs; i++)
            {
                var period = new ReportingPeriod(2022, 2).Shift(i).ToString();
                client.Enqueue<PackJob>(job => job.RenderAsync("NDC", "monthly", period, null, CancellationToken.None));
            }
            var runs = new PackRunStore(source);
            while ((await runs.ListAsync()).Count(r => r.State == "succeeded") < packs) await Task.Delay(50);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"| {processes} | {packs} | {seconds:F1} | {packs / seconds * 60:F0} |");
            foreach (var server in servers) await server.DisposeAsync();
        }
    }
}
