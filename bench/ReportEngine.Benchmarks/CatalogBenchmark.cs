using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The two look-ups the issuing path makes on every issue (and the dashboard on every request): the latest entry of a
/// report and the entry a run archived, in an archive of <c>entries</c> entries. The indexed queries against reading
/// the whole chain and searching it, as the catalogue did before, in the same run on the same database.
/// </summary>
internal static class CatalogBenchmark
{
    public static async Task RunAsync(int entries, int runs)
    {
        await using var postgres = ThrowawayPostgres.Create();
        var database = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(database, NullLogger.Instance);
        await using var source = NpgsqlDataSource.Create(database);
        var index = new PostgresArchiveIndex(source);
        var reports = Reports().Take(entries).ToList();
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            // Unsigned and not checkpointed: only the index's look-ups are measured.
            await index.AppendAsync($"entry-{i}", position => Hashed(new ArchiveRecord
            {
                Seq = position.Seq, Id = $"entry-{i}", Type = ArchiveRecordType.Entry, CreatedAt = position.Now, Authority = report.Authority,
                Kind = report.Kind.Name, Period = report.Period.ToString(), Parameter = report.Statement is null ? null : report.Parameter,
                RequestedBy = "person:benchmark", RunId = $"run-{i}", Files = new Dictionary<string, string> { ["pdf"] = new('0', 64) },
                PreviousHash = position.PreviousHash,
            }));
        }
        var wanted = reports[reports.Count / 2];
        var run = $"run-{reports.Count / 2}";

        var latestByWalk = await Stats.MedianMsAsync(runs, async () =>
            _ = (await index.ListAsync()).LastOrDefault(r => r.Type == ArchiveRecordType.Entry && r.Authority == wanted.Authority
                && r.Kind == wanted.Kind.Name && r.Period == wanted.Period.ToString() && (r.Parameter ?? "") == wanted.Parameter));
        var latest = await Stats.MedianMsAsync(runs, () => index.LatestEntryAsync(wanted));
        var runByWalk = await Stats.MedianMsAsync(runs, async () =>
            _ = (await index.ListAsync()).FirstOrDefault(r => r.Type == ArchiveRecordType.Entry && r.RunId == run));
        var byRun = await Stats.MedianMsAsync(runs, () => index.EntryOfRunAsync(run));

        Console.WriteLine($"{reports.Count} entries in the archive; {runs} look-ups each (median)");
        Console.WriteLine();
        Console.WriteLine("| look-up | reading the chain (ms) | indexed query (ms) | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| latest entry of a report | {latestByWalk:F2} | {latest:F2} | {latest / latestByWalk:P2} |");
        Console.WriteLine($"| entry of a run | {runByWalk:F2} | {byRun:F2} | {byRun / runByWalk:P2} |");
    }

    private static ArchiveRecord Hashed(ArchiveRecord record) => record with { Hash = record.ComputeHash() };

    /// <summary>Monthly packs of 30 authorities over many years: every identity distinct.</summary>
    private static IEnumerable<ReportIdentity> Reports()
    {
        for (var month = 0; ; month++)
            for (var authority = 0; authority < 30; authority++)
            {
                ReportKinds.Monthly.PeriodType.TryParse(new Metrics.ReportingPeriod(2000, 1).Shift(month).ToString(), out var period);
                yield return ReportIdentity.Of($"A{authority:D2}", ReportKinds.Monthly, period);
            }
    }
}
