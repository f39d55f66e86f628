using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ReportEngine.Printing;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The morning an inspection is announced: a leadership team of <c>users</c> people send <c>requests</c> on-demand
/// requests through the API (monthly packs, quality-statement reports and annual reports of two authorities, a third
/// of them repeats of reports already archived) while <c>scheduled</c> scheduled packs wait in their queue, all on one
/// real <c>serve</c>. Each person asks, waits for the report and downloads it, then asks for the next.
/// </summary>
internal static class LoadBenchmark
{
    private sealed record Ask(string Authority, string Kind, string Period, string? Statement)
    {
        public object Body => new { authority = Authority, kind = Kind, period = Period, statement = Statement };
    }

    public static async Task RunAsync(int requests, int users, int scheduled)
    {
        await using var postgres = ThrowawayPostgres.Create();
        var database = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), Repo.Sample);
        using var southdale = Repo.CopyOfSample();
        await File.WriteAllTextAsync(southdale.File("authority.csv"), "code,name,council_type,population\nSDC,Southdale Borough Council,UNITARY,281000\n");
        await using (var source = NpgsqlDataSource.Create(database))
            await new PostgresEvidenceStore(source).ImportAsync(await new Gathering.DatasetFolderSource(southdale.Path).GatherAsync(), TimeProvider.System);

        var tokens = new List<string>();
        for (var i = 1; i <= users; i++) tokens.Add(await BenchAccounts.RequesterTokenAsync(database, $"leader{i}@northdale.gov.uk", "NDC", "SDC"));
        var asks = Plan(requests);
        using var output = new TempFolder();
        await using var serve = await ServeProcess.StartAsync(database, output.Path);

        // The scheduled backlog is queued first, as the night's schedule would have left it.
        var storage = TestDatabases.HangfireStorage(database);
        for (var i = 0; i < scheduled; i++)
            TestDatabases.EnqueueScheduled(storage, $"{(i % 2 == 0 ? "NDC" : "SDC")}/monthly/{new ReportingPeriod(2019, 1).Shift(i / 2)}");
        var monitoring = storage.GetMonitoringApi();

        var peakServe = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakServe = Math.Max(peakServe, ProcessTree.ResidentOf(serve.ProcessId));
                await Task.Delay(500);
            }
        });

        var times = new ConcurrentBag<(TimeSpan Time, bool Repeat, long ScheduledWaiting)>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(async token =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(serve.Url), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            int i;
            while ((i = Interlocked.Increment(ref next)) < asks.Count)
            {
                var (ask, repeat) = asks[i];
                var asked = Stopwatch.StartNew();
                var response = await http.PostAsJsonAsync("/api/v1/requests", ask.Body);
                var request = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {request}");
                while (request.GetProperty("status").GetString() is not ("done" or "failed"))
                {
                    await Task.Delay(500); // the request page asks once a second
                    request = await http.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.GetProperty("id").GetInt64()}");
                }
                if (request.GetProperty("status").GetString() != "done") throw new InvalidOperationException(request.ToString());
                var pdf = await http.GetByteArrayAsync($"/api/v1/packs/{request.GetProperty("archiveId").GetString()}/pdf");
                if (pdf.Length == 0) throw new InvalidOperationException("empty PDF");
                times.Add((asked.Elapsed, repeat, monitoring.EnqueuedCount("scheduled")));
                if (times.Count % 50 == 0) Console.Error.WriteLine($"{times.Count} requests answered, {watch.Elapsed.TotalMinutes:F1} min");
            }
        }));
        var onDemandDone = watch.Elapsed;
        var waitingWhenDone = monitoring.EnqueuedCount("scheduled");
        while (monitoring.EnqueuedCount("scheduled") + monitoring.ProcessingCount() > 0 || monitoring.EnqueuedCount("default") > 0) await Task.Delay(500);
        var allDone = watch.Elapsed;
        await sampling.CancelAsync();
        await sampler;

        await using var db = NpgsqlDataSource.Create(database);
        var runs = await new ReportRunStore(db).ListAsync();
        var renderedTwice = runs.Count(r => r.Renders > 1);
        var all = times.Select(t => t.Time).ToList();
        var fresh = times.Where(t => !t.Repeat).Select(t => t.Time).ToList();
        var repeats = times.Where(t => t.Repeat).Select(t => t.Time).ToList();
        Console.WriteLine($"{requests} on-demand requests from {users} people at once (a third repeats of archived reports) while {scheduled} scheduled packs were queued; one serve, 2 workers");
        Console.WriteLine();
        Console.WriteLine("| request → PDF downloaded | requests | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, set) in new[] { ("all", all), ("rendered for this request", fresh), ("repeats, answered from the archive", repeats) })
            Console.WriteLine($"| {name} | {set.Count} | {Stats.Percentile(set, 50):F0} | {Stats.Percentile(set, 95):F0} | {set.Max(t => t.TotalMilliseconds):F0} |");
        Console.WriteLine();
        Console.WriteLine($"- every request answered: {times.Count} of {requests}; reports rendered more than once: {renderedTwice} (of {runs.Count} issued)");
        var whileWaiting = times.Count(t => t.ScheduledWaiting > 0);
        Console.WriteLine($"- on-demand work overtook the backlog: {whileWaiting} of {times.Count} on-demand requests were answered while scheduled packs were still waiting in their queue (the most waiting at an answer: {times.Max(t => t.ScheduledWaiting)} of {scheduled}); the last on-demand answer came after {onDemandDone.TotalMinutes:F1} min with {waitingWhenDone} still waiting; everything was done after {allDone.TotalMinutes:F1} min");
        Console.WriteLine($"- reports issued per minute over the whole run: {runs.Count / allDone.TotalMinutes:F1}; peak memory of serve {peakServe / 1048576.0:F0} MiB");
    }

    /// <summary>Distinct reports for two thirds of the requests, then repeats of those, shuffled with a fixed seed.</summary>
    private static List<(Ask Ask, bool Repeat)> Plan(int requests)
    {
        var random = new Random(12);
        // Every statement: 2 authorities × 24 months × 10 reports + 4 annual = 484 distinct reports, enough for 500 requests.
        string[] statements = ["ASSESSING_NEEDS", "HEALTHIER_LIVES", "EQUITY", "CARE_PROVISION", "PARTNERSHIPS", "SAFE_SYSTEMS", "SAFEGUARDING", "GOVERNANCE", "LEARNING"];
        var distinct = new List<Ask>();
        foreach (var authority in new[] { "NDC", "SDC" })
        {
            for (var month = 0; month < 24; month++)
            {
                var period = new ReportingPeriod(2022, 2).Shift(month).ToString();
                distinct.Add(new Ask(authority, "monthly", period, null));
                distinct.AddRange(statements.Select(s => new Ask(authority, "quality-statement", period, s)));
            }
            distinct.Add(new Ask(authority, "complaints-annual", "2022-23", null));
            distinct.Add(new Ask(authority, "complaints-annual", "2023-24", null));
        }
        var first = distinct.OrderBy(_ => random.Next()).Take(requests - requests / 3).ToList();
        // A repeat comes after its first request in the list, so it finds the report archived (or being issued).
        var plan = first.Select(a => (a, false)).ToList();
        for (var i = 0; i < requests / 3; i++)
        {
            var of = random.Next(plan.Count / 2);
            plan.Insert(random.Next(of + 1, plan.Count + 1), (first[of], true));
        }
        return plan;
    }
}
