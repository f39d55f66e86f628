using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Gathering;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// Load, import, gather and compute for the sample and a dataset N times it, each without and with operations.md's six
/// files (issue 13's "before and after", in one run): the folder's load and validation, the import into PostgreSQL,
/// gathering from it, and computing the monthly pack's figures (24 months of them, for the trends).
/// </summary>
internal static class DatabaseBenchmark
{
    public static async Task RunAsync(int times)
    {
        await using var postgres = ThrowawayPostgres.Create();
        using var big = new TempFolder();
        using var bigWithout = new TempFolder();
        using var sampleWithout = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, times, operations: true);
        foreach (var (from, to) in new[] { (Repo.Sample, sampleWithout.Path), (big.Path, bigWithout.Path) })
            foreach (var file in Directory.EnumerateFiles(from, "*.csv").Where(f => !DatasetScaler.OperationsFiles.Contains(Path.GetFileName(f))))
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));

        Console.WriteLine("| dataset | rows | folder: load and validate (median ms) | import: COPY in one transaction (median ms) | PostgreSQL: gather (median ms) | compute: the monthly figures, 24 months (median ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, folder, runs) in new[]
                 {
                     ("sample, without operations files", sampleWithout.Path, 15), ("sample, with them", Repo.Sample, 15),
                     ($"{times}× sample, without operations files", bigWithout.Path, 3), ($"{times}× sample, with them", big.Path, 3),
                 })
        {
            var db = await postgres.CreateDatabaseAsync();
            await EvidenceDatabase.MigrateAsync(db, NullLogger.Instance);
            await using var source = NpgsqlDataSource.Create(db);
            var store = new PostgresEvidenceStore(source);
            GatheredEvidence gathered = null!;
            var load = await Stats.MedianMsAsync(runs, async () => gathered = await new DatasetFolderSource(folder).GatherAsync());
            var import = await Stats.MedianMsAsync(runs, () => store.ImportAsync(gathered, TimeProvider.System));
            var gather = await Stats.MedianMsAsync(runs, () => store.GatherAsync("NDC"));
            var compute = await Stats.MedianMsAsync(runs, () =>
            {
                MonthlyFigures.Compute(gathered.Evidence, new ReportingPeriod(2024, 1));
                return Task.CompletedTask;
            });
            var rows = gathered.Provenance.RowsPerFile.Sum(r => r.Value);
            Console.WriteLine($"| {name} | {rows:N0} | {load:F0} | {import:F0} | {gather:F0} | {compute:F0} |");
            Console.Error.WriteLine($"{name}: done, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
        }
    }
}
