using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Printing;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// What serving an archived report only as signed costs (issue 20): the sample pack's PDF read from the store as it is,
/// against the same read with its record's hash recomputed, its signature checked with the public key and the PDF's
/// bytes hashed (<see cref="ArchiveReader"/>), interleaved in one run.
/// </summary>
internal static class DownloadBenchmark
{
    public static async Task RunAsync(int runs)
    {
        await using var postgres = ThrowawayPostgres.Create();
        var db = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(db, NullLogger.Instance);
        await using var source = NpgsqlDataSource.Create(db);
        using var store = new TempFolder();
        var folder = Path.Combine(store.Path, "archive");
        using var archive = new ReportArchive(new ContentStore(folder), new PostgresArchiveIndex(source),
            new ArchiveOptions { Folder = folder }, ReportKinds.Standard, TimeProvider.System);
        await using (var browser = new ChromiumBrowser(new ChromiumOptions()))
            await BenchRenderer.Issuer(browser, new IssuingArchive(archive, new ReportRunStore(source), new ImmediateFollowUps([])))
                .IssueAsync(BenchRenderer.Request(Repo.Sample));
        var entry = (await archive.Catalog.ListAsync(new ArchiveQuery())).Single();
        var sha = entry.Files[ArchiveFile.Pdf];

        var plain = new List<TimeSpan>();
        var verified = new List<TimeSpan>();
        for (var i = -3; i < runs; i++) // three warm-up rounds
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            _ = await archive.Store.FindAsync(sha);
            var plainTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            _ = await archive.Reader.ReadAsync(entry, ArchiveFile.Pdf);
            var verifiedTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (i < 0) continue;
            plain.Add(plainTime);
            verified.Add(verifiedTime);
        }
        var (p, v) = (Stats.Median(plain), Stats.Median(verified));
        Console.WriteLine($"Sample monthly pack's PDF ({(await archive.Store.GetAsync(sha)).Length / 1024.0:F0} KiB), {runs} reads each after 3 warm-up rounds (median ms)");
        Console.WriteLine();
        Console.WriteLine("| read | median ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| the object as stored | {p:F2} |");
        Console.WriteLine($"| verified: record hash, signature, object hash | {v:F2} |");
        Console.WriteLine();
        Console.WriteLine($"Verifying is {(v - p) / v:P0} of a verified read ({v / p:F2}x the plain read).");
    }
}
