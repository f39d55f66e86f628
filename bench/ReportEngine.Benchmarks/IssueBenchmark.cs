using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The time from a request to the issued PDF being archived, with the PDF/A copy on the render path (made before the
/// issuing path returns, as every pack was before) against off it (a follow-up job), interleaved in one run, one
/// archive, one warm browser. The follow-up's own time is measured too, so nothing is hidden.
/// </summary>
internal static class IssueBenchmark
{
    public static async Task RunAsync(int runs, string dataset, string label)
    {
        await using var postgres = ThrowawayPostgres.Create();
        var db = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(db, NullLogger.Instance);
        await using var source = NpgsqlDataSource.Create(db);
        using var store = new TempFolder();
        using var archive = new ReportArchive(new ContentStore(Path.Combine(store.Path, "archive")), new PostgresArchiveIndex(source),
            new ArchiveOptions { Folder = Path.Combine(store.Path, "archive"), RegenerationsPerDay = 1000 }, ReportKinds.Standard, TimeProvider.System);
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var runsStore = new ReportRunStore(source);
        var deferred = new DeferredFollowUps();
        var onPath = BenchRenderer.Issuer(browser, new IssuingArchive(archive, runsStore, new ImmediateFollowUps([new PdfACopyFollowUp(archive.PdfACopy)])));
        var offPath = BenchRenderer.Issuer(browser, new IssuingArchive(archive, runsStore, deferred));

        var before = new List<TimeSpan>();
        var after = new List<TimeSpan>();
        var followUp = new List<TimeSpan>();
        // The same report each time, regenerated, so that every request renders and archives the same pages.
        var request = BenchRenderer.Request(dataset) with { Regenerate = true, Reason = "benchmark" };
        for (var i = -1; i < runs; i++) // one warm-up pair
        {
            foreach (var (issuer, times) in new[] { (onPath, before), (offPath, after) })
            {
                var watch = Stopwatch.StartNew();
                await issuer.IssueAsync(request);
                if (i >= 0) times.Add(watch.Elapsed);
            }
            var copy = Stopwatch.StartNew();
            foreach (var id in deferred.Take()) await archive.PdfACopy.MakeAsync(id);
            if (i >= 0) followUp.Add(copy.Elapsed);
        }
        var verification = await archive.Verifier.VerifyAsync(archive.Signatures());
        if (!verification.Intact || verification.PendingPdfA.Count > 0) throw new InvalidOperationException("the archive did not verify");

        var b = Stats.Median(before);
        var a = Stats.Median(after);
        Console.WriteLine($"{label}: request → issued PDF archived, {runs} runs of each after one warm-up, interleaved (median ms)");
        Console.WriteLine();
        Console.WriteLine("| path | median ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| before: PDF/A copy made on the render path | {b:F0} |");
        Console.WriteLine($"| after: PDF/A copy a follow-up job | {a:F0} |");
        Console.WriteLine($"| the follow-up job itself (PDF/A copy, stored and joined to the entry) | {Stats.Median(followUp):F0} |");
        Console.WriteLine();
        Console.WriteLine($"- after / before: **{a / b:F2}×**; the issued PDF is in the archive {b - a:F0} ms sooner");
    }

    /// <summary>Follow-ups held until the benchmark runs them, as a job server would run them later.</summary>
    private sealed class DeferredFollowUps : IFollowUps
    {
        private readonly List<string> _ids = [];

        public Task<IReadOnlyList<FollowUpOutcome>> ScheduleAsync(string archiveId, CancellationToken cancellationToken)
        {
            _ids.Add(archiveId);
            return Task.FromResult<IReadOnlyList<FollowUpOutcome>>([]);
        }

        public IReadOnlyList<string> Take()
        {
            var ids = _ids.ToList();
            _ids.Clear();
            return ids;
        }
    }
}
