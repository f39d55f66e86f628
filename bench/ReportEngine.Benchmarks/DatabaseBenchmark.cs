using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Gathering;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>Import of a dataset N times the sample, and gathering from PostgreSQL against from the folder.</summary>
internal static class DatabaseBenchmark
{
    public static async Task RunAsync(int times)
    {
        await using var postgres = ThrowawayPostgres.Create();
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, times);
        Console.WriteLine($"| dataset | rows | folder: load and validate (median ms) | import: COPY in one transaction (median ms) | PostgreSQL: gather (median ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, folder) in new[] { ("sample", Repo.Sample), ($"{times}× sample", big.Path) })
        {
            var db = await postgres.CreateDatabaseAsync();
            await EvidenceDatabase.MigrateAsync(db, NullLogger.Instance);
            await using var source = NpgsqlDataSource.Create(db);
            var store = new PostgresEvidenceStore(source);
            GatheredEvidence gathered = null!;
            var runs = name == "sample" ? 15 : 5;
            var load = await Stats.MedianMsAsync(runs, async () => gathered = await new DatasetFolderSource(folder).GatherAsync());
            var import = await Stats.MedianMsAsync(runs, () => store.ImportAsync(gathered, TimeProvider.System));
            var gather = await Stats.MedianMsAsync(runs, () => store.GatherAsync("NDC"));
            var rows = gathered.Provenance.RowsPerFile.Sum(r => r.Value);
            Console.WriteLine($"| {name} | {rows:N0} | {load:F0} | {import:F0} | {gather:F0} |");
        }
    }
}
