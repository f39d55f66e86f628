using ReportEngine.Kinds;
using Hangfire;
using Hangfire.Storage;
using Npgsql;
using ReportEngine.PostgreSql;
using ReportEngine.Service;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Service;

/// <summary>Real <c>serve</c> processes on a real PostgreSQL of their own (one test restarts it): scale-out, crashes and restarts, each pack exactly once.</summary>
public sealed class WorkerServiceTests(PostgresFixture postgres) : IDisposable, IClassFixture<PostgresFixture>
{
    private readonly TempFolder _output = new();

    public void Dispose() => _output.Dispose();

    private async Task<string> DatabaseWithAsync(string dataset) => await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), dataset);

    private static JobStorage StorageFor(string database) => TestDatabases.HangfireStorage(database);

    private static string Enqueue(JobStorage storage, string period) => TestDatabases.EnqueuePack(storage, "NDC", period);

    /// <summary>The runs once <paramref name="count"/> have succeeded, or once the servers stop making progress (the assertions after say what was issued).</summary>
    private static Task<IReadOnlyList<ReportRunRecord>> WaitForPacksAsync(string database, int count, params ServeProcess[] serves) =>
        WaitForPacksAsync(database, count, null, serves);

    /// <param name="patience">How long the servers may work without a log line: a pack of 100 times the sample computes for minutes on a loaded machine.</param>
    private static async Task<IReadOnlyList<ReportRunRecord>> WaitForPacksAsync(string database, int count, TimeSpan? patience, params ServeProcess[] serves)
    {
        await using var source = NpgsqlDataSource.Create(database);
        var store = new ReportRunStore(source);
        IReadOnlyList<ReportRunRecord> runs = [];
        await UntilAsync(async () =>
        {
            try
            {
                runs = await store.ListAsync();
            }
            catch (NpgsqlException) { return false; } // the database may be restarting
            return runs.Count(r => r.State == "succeeded") >= count;
        }, patience, serves);
        return runs;
    }

    /// <summary>Waits until <paramref name="done"/>, or until the servers' logs stop moving; what the test then asserts says what happened.</summary>
    private static Task UntilAsync(Func<Task<bool>> done, params ServeProcess[] serves) => UntilAsync(done, null, serves);

    private static async Task UntilAsync(Func<Task<bool>> done, TimeSpan? patience, params ServeProcess[] serves)
    {
        try
        {
            await Eventually.WaitAsync(done, () => Task.FromResult(string.Concat(serves.Select(s => s.Log))), "the servers", patience);
        }
        catch (TimeoutException) { }
    }

    /// <summary>A pack of 100 times the sample logs nothing while it is gathered and computed, for minutes when the machine is busy.</summary>
    private static readonly TimeSpan HundredTimesPatience = TimeSpan.FromMinutes(10);

    private static async Task<IReadOnlyList<ReportRunRecord>> RunsAsync(string database)
    {
        await using var source = NpgsqlDataSource.Create(database);
        return await new ReportRunStore(source).ListAsync();
    }

    private async Task<ReportEngine.Archive.ReportArchive> ArchiveOfAsync(string database)
    {
        var archive = new ReportEngine.Archive.ReportArchive(new ReportEngine.Archive.ContentStore(Path.Combine(_output.Path, ".archive")),
            new PostgresArchiveIndex(NpgsqlDataSource.Create(database)), new ReportEngine.Archive.ArchiveOptions { Folder = Path.Combine(_output.Path, ".archive") },
            ReportKinds.Standard, TimeProvider.System);
        await archive.Recovery.RecoverAsync();
        return archive;
    }

    private static string Month(int i) => new ReportEngine.Metrics.ReportingPeriod(2022, 6).Shift(i).ToString();

    private string[] Pdfs => Directory.GetFiles(_output.Path, "*.pdf", SearchOption.AllDirectories);

    [Fact]
    public async Task Two_servers_render_twenty_queued_packs_exactly_once_each()
    {
        var database = await DatabaseWithAsync(Repo.Sample);
        await using var first = await ServeProcess.StartAsync(database, _output.Path);
        await using var second = await ServeProcess.StartAsync(database, _output.Path);
        var storage = StorageFor(database);
        var jobs = Enumerable.Range(0, 20).Select(i => Enqueue(storage, Month(i))).ToList();
        for (var i = 0; i < 5; i++) Enqueue(storage, Month(i)); // duplicates of five of them

        await WaitForPacksAsync(database, 20, first, second);
        var monitor = storage.GetMonitoringApi();
        await UntilAsync(() => Task.FromResult(JobQueues.InOrder.All(q => monitor.EnqueuedCount(q) == 0) && monitor.ProcessingCount() == 0), first, second);

        var runs = await RunsAsync(database);
        Assert.Equal(20, runs.Count);
        Assert.All(runs, r => Assert.Equal(("succeeded", 1), (r.State, r.Renders)));
        Assert.Equal(2, runs.Select(r => r.RenderedBy).Distinct().Count());
        // 25 report jobs, and one PDF/A copy job and one editions job for each report issued. The drafts' reminder look is a recurring job of
        // the clock's (every quarter hour), not of these reports: counted out, or the test would fail when a quarter struck.
        var succeeded = monitor.SucceededJobs(0, 1000).Count(j => j.Value.Job?.Type != typeof(ReportEngine.Service.Notices.DraftNoticeJobs));
        Assert.Equal(25 + 20 + 20, succeeded);
        Assert.Equal(20, Pdfs.Length);
        Assert.Empty(Directory.GetFiles(_output.Path, "*.tmp", SearchOption.AllDirectories));

        // Every pack went into the archive once, and the archive's chain is intact.
        var archive = await ArchiveOfAsync(database);
        Assert.Equal(20, (await archive.Catalog.ListAsync(new ReportEngine.Archive.ArchiveQuery())).Count);
        var verification = await archive.VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        Assert.Empty(verification.PendingPdfA); // every copy made, by the follow-up jobs
        Assert.Equal(60, (await new PostgresArchiveIndex(NpgsqlDataSource.Create(database)).ListAsync()).Count); // 20 entries, 20 PDF/A copies and 20 sets of editions, no more
        Assert.All(await archive.Catalog.ListAsync(new ReportEngine.Archive.ArchiveQuery()), e => Assert.Equal("person:test", e.RequestedBy));

        // Each server keeps the authority's recurring jobs of each scheduled kind: cron, time zone and strict misfires.
        using (var connection = storage.GetConnection())
        {
            var recurring = connection.GetRecurringJobs();
            var monthly = Assert.Single(recurring, r => r.Id == "monthly:NDC");
            Assert.Equal(("0 6 1 1 *", "Europe/London"), (monthly.Cron, monthly.TimeZoneId));
            Assert.Equal("1", connection.GetAllEntriesFromHash("recurring-job:monthly:NDC")["Misfire"]); // MisfireHandlingMode.Strict
            Assert.Equal("0 6 1 5 *", Assert.Single(recurring, r => r.Id == "complaints-annual:NDC").Cron); // 1 May, the kind's default
            Assert.DoesNotContain(recurring, r => r.Id.StartsWith("quality-statement:", StringComparison.Ordinal)); // on demand only
        }

        // Progress is shown in the dashboard's job details.
        using var http = await AdminOfAsync(database, first);
        var details = await http.GetStringAsync($"/hangfire/jobs/details/{jobs[0]}");
        Assert.Matches("Progress:</strong> 100% — Issued: [0-9]+ pages, archive entry NDC-20..-..-monthly-", details);
    }

    [Fact]
    public async Task The_pdfa_copy_is_a_follow_up_job_retried_after_a_failure_and_made_once()
    {
        // A Ghostscript that fails its first run (as a starved or killed one would), then works.
        using var tools = new TempFolder();
        var gs = tools.File("gs");
        File.WriteAllText(gs, $"""
            #!/bin/sh
            if [ ! -e "{tools.File("failed-once")}" ]; then touch "{tools.File("failed-once")}"; echo "gs: out of memory (simulated)" >&2; exit 1; fi
            exec /usr/bin/gs "$@"
            """);
        File.SetUnixFileMode(gs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var database = await DatabaseWithAsync(Repo.Sample);
        await using var serve = await ServeProcess.StartAsync(database, _output.Path,
            new Dictionary<string, string> { ["PATH"] = $"{tools.Path}:{Environment.GetEnvironmentVariable("PATH")}" });
        var storage = StorageFor(database);
        Enqueue(storage, "2024-01");

        // The issued PDF is archived and written at once; its copy is pending until the retried follow-up makes it.
        Assert.Equal("succeeded", Assert.Single(await WaitForPacksAsync(database, 1, serve)).State);
        var archive = await ArchiveOfAsync(database);
        await UntilAsync(async () => (await archive.VerifyAsync()).PendingPdfA.Count == 0, serve);
        var verification = await archive.VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        Assert.Empty(verification.PendingPdfA);
        Assert.True(File.Exists(tools.File("failed-once")));

        // The copy is in the archive a moment before Hangfire records its job succeeded.
        var monitor = storage.GetMonitoringApi();
        static bool IsTheCopy(KeyValuePair<string, Hangfire.Storage.Monitoring.SucceededJobDto> j) =>
            j.Value.Job.Type == typeof(FollowUpJobs) && j.Value.Job.Args[0] as string == "PDF/A copy";
        await UntilAsync(() => Task.FromResult(monitor.SucceededJobs(0, 100).Any(IsTheCopy)), serve);
        var copyJob = monitor.SucceededJobs(0, 100).Single(IsTheCopy);
        var history = monitor.JobDetails(copyJob.Key).History.Select(h => h.StateName).Reverse().ToList();
        // (A job that carries its queue may go from Scheduled to Processing without an Enqueued state between.)
        Assert.Matches("^Enqueued,Processing,Failed,Scheduled,(Enqueued,)?Processing,Succeeded$", string.Join(",", history.Where(h => h != "Awaiting")));
        // It waits behind any report waiting to be issued, retried or not: the queue goes with the job (Hangfire takes the
        // job's own queue over the one its Enqueued states name).
        Assert.Equal(JobQueues.WhenIdle, monitor.JobDetails(copyJob.Key).Job.Queue);
        // One entry and one PDF/A copy (its editions are another follow-up's addition, made once too).
        var records = await new PostgresArchiveIndex(NpgsqlDataSource.Create(database)).ListAsync();
        Assert.Single(records, r => r.Type == ReportEngine.Archive.ArchiveRecordType.Entry);
        Assert.Single(records, r => r.Id.EndsWith("/pdfa", StringComparison.Ordinal));
        Assert.True(records.Count(r => r.Id.EndsWith("/editions", StringComparison.Ordinal)) <= 1);
    }

    [Fact]
    public async Task A_killed_servers_chromium_is_stopped_and_its_profile_removed_by_the_next_process_to_start_a_browser()
    {
        var database = await DatabaseWithAsync(Repo.Sample);
        var doomed = await ServeProcess.StartAsync(database, _output.Path);
        Enqueue(StorageFor(database), "2024-01");
        Assert.Single(await WaitForPacksAsync(database, 1, doomed));
        var profiles = Directory.GetDirectories(Path.GetTempPath(), ReportEngine.Printing.ChromiumBrowser.ProfilePrefix + "*")
            .Where(p => File.Exists(Path.Combine(p, ReportEngine.Printing.ChromiumBrowser.OwnerFileName))
                        && File.ReadAllText(Path.Combine(p, ReportEngine.Printing.ChromiumBrowser.OwnerFileName)).StartsWith($"{doomed.ProcessId} ", StringComparison.Ordinal))
            .ToList();
        var profile = Assert.Single(profiles);
        doomed.KillAlone();
        await doomed.DisposeAsync();
        Assert.NotEmpty(ChromiumProcessesUsing(profile)); // SIGKILL gives the server no chance to close its browser

        using var output = new TempFolder();
        var (exit, _, stderr) = CliProcess.Run("pack", "--period", "2024-01", "--out", output.Path); // any process that starts a browser sweeps first
        Assert.True(exit == 0, stderr);
        Assert.Empty(ChromiumProcessesUsing(profile));
        Assert.False(Directory.Exists(profile));
    }

    private static List<int> ChromiumProcessesUsing(string profile) =>
        Directory.EnumerateDirectories("/proc").Select(d => (Dir: d, Ok: int.TryParse(Path.GetFileName(d), out var pid), Pid: pid)).Where(p => p.Ok)
            .Where(p =>
            {
                try { return File.ReadAllText(Path.Combine(p.Dir, "cmdline")).Split('\0').Contains($"--user-data-dir={profile}"); }
                catch (IOException) { return false; }
            })
            .Select(p => p.Pid).ToList();

    [Fact]
    public async Task The_job_dashboard_is_for_a_signed_in_admin_and_refuses_a_post_without_its_antiforgery_token()
    {
        var database = await DatabaseWithAsync(Repo.Sample);
        await using var serve = await ServeProcess.StartAsync(database, _output.Path);
        using (var anonymous = serve.Client())
        using (var refused = await anonymous.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "monthly:NDC")])))
            Assert.Equal("/sign-in", refused.Headers.Location?.AbsolutePath); // not signed in: sent to sign in, and nothing is triggered

        using var http = await AdminOfAsync(database, serve);
        // What a page on another site would send from the admin's browser: a form post with the admin's cookie and no token.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "monthly:NDC")]),
            Headers = { { "Origin", "https://attacker.example" } },
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        await Task.Delay(1000);
        Assert.Empty(await RunsAsync(database)); // nothing was triggered
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, (await http.GetAsync("/hangfire/stats")).StatusCode); // not a 500
    }

    /// <summary>A client signed in to <paramref name="serve"/> as an Admin made for the test.</summary>
    private static async Task<HttpClient> AdminOfAsync(string database, ServeProcess serve)
    {
        const string email = "admin@northdale.gov.uk";
        await using (var source = NpgsqlDataSource.Create(database))
        {
            var accounts = new ReportEngine.Service.Web.Accounts.AccountStore(source, TimeProvider.System);
            if (await accounts.FindAsync(email) is null)
                await accounts.AddAsync(email, "Admin", ReportEngine.Service.Web.Accounts.Role.Admin, [], Web.DashboardFixture.Password);
        }
        var http = serve.Client(new System.Net.CookieContainer());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Web.DashboardFixture.SignInAsync(http, email, Web.DashboardFixture.Password)).StatusCode);
        return http;
    }

    [Fact]
    public async Task A_pack_that_cannot_succeed_fails_at_once_without_retrying()
    {
        var database = await DatabaseWithAsync(Repo.Sample);
        await using var serve = await ServeProcess.StartAsync(database, _output.Path);
        var storage = StorageFor(database);
        var jobId = TestDatabases.EnqueuePack(storage, "XYZ", "2024-01");
        var monitor = storage.GetMonitoringApi();
        await UntilAsync(() => Task.FromResult(monitor.JobDetails(jobId).History.FirstOrDefault()?.StateName == "Failed"), serve);

        var history = monitor.JobDetails(jobId).History.Select(h => h.StateName).ToList();
        Assert.Equal("Failed", history[0]);
        Assert.DoesNotContain("Scheduled", history); // no retry
        var run = Assert.Single(await RunsAsync(database));
        Assert.Equal("failed", run.State);
        Assert.Contains("No evidence has been imported for authority 'XYZ'", run.Error);
    }

    [Fact]
    public async Task A_server_killed_in_the_middle_of_a_pack_leaves_it_to_be_rendered_once_after_restart()
    {
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, 100); // slow enough to kill mid-pack
        var database = await DatabaseWithAsync(big.Path);
        var storage = StorageFor(database);

        var doomed = await ServeProcess.StartAsync(database, _output.Path);
        var jobId = Enqueue(storage, "2024-01");
        var monitor = storage.GetMonitoringApi();
        await UntilAsync(() => Task.FromResult(monitor.JobDetails(jobId).History.FirstOrDefault()?.StateName == "Processing"), doomed);
        await Task.Delay(300);
        doomed.Kill();
        await doomed.DisposeAsync();
        Assert.Empty(Pdfs);

        await using var restarted = await ServeProcess.StartAsync(database, _output.Path);
        var run = Assert.Single(await WaitForPacksAsync(database, 1, HundredTimesPatience, restarted));
        Assert.Equal(("succeeded", 1, 2), (run.State, run.Renders, run.Attempts));
        Assert.Single(Pdfs);
        Assert.Empty(Directory.GetFiles(_output.Path, "*.tmp", SearchOption.AllDirectories));
        var archive = await ArchiveOfAsync(database);
        Assert.Single(await archive.Catalog.ListAsync(new ReportEngine.Archive.ArchiveQuery()));
        Assert.True((await archive.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_pack_that_outlives_the_invisibility_timeout_is_not_taken_by_another_worker()
    {
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, 100); // several seconds a pack
        var database = await DatabaseWithAsync(big.Path);
        var shortTimeout = new Dictionary<string, string> { ["ReportEngine__InvisibilityTimeout"] = "00:00:05" };
        await using var first = await ServeProcess.StartAsync(database, _output.Path, shortTimeout);
        await using var second = await ServeProcess.StartAsync(database, _output.Path, shortTimeout);
        var storage = StorageFor(database);
        var jobId = Enqueue(storage, "2024-01");

        var run = Assert.Single(await WaitForPacksAsync(database, 1, HundredTimesPatience, first, second));
        var monitor = storage.GetMonitoringApi();
        var history = monitor.JobDetails(jobId).History.Select(h => h.StateName).ToList();
        Assert.Equal(("succeeded", 1, 1), (run.State, run.Renders, run.Attempts)); // one fetch, one claim, one render
        Assert.Equal(1, history.Count(h => h == "Processing"));
        Assert.Single(Pdfs);
    }

    [Fact]
    public async Task Restarting_postgresql_while_packs_are_queued_still_renders_each_once()
    {
        var database = await DatabaseWithAsync(Repo.Sample);
        await using var serve = await ServeProcess.StartAsync(database, _output.Path, new Dictionary<string, string> { ["ReportEngine__WorkerCount"] = "1" });
        var storage = StorageFor(database);
        for (var i = 0; i < 8; i++) Enqueue(storage, Month(i));
        await Task.Delay(1500);
        postgres.Stop();
        await Task.Delay(2000);
        postgres.Start();

        var runs = await WaitForPacksAsync(database, 8, serve);
        Assert.True(runs.Count(r => r.State == "succeeded") == 8, serve.Log[^Math.Min(4000, serve.Log.Length)..]);
        Assert.All(runs, r => Assert.Equal(1, r.Renders));
        Assert.Equal(8, Pdfs.Length);
    }

    [Fact]
    public async Task A_job_lock_left_by_a_connection_that_died_holds_its_job_for_a_minute_not_ten()
    {
        // What a PostgreSQL restart leaves when it cuts the connection of a job changing state: the lock's row, never
        // deleted. Hangfire's default (ten minutes) left such a job 'Processing' for ten.
        var database = await DatabaseWithAsync(Repo.Sample);
        var jobId = Enqueue(StorageFor(database), "2024-01");
        await using (var source = NpgsqlDataSource.Create(database))
            await source.ExecuteAsync($"INSERT INTO {ServiceHost.HangfireSchema}.lock (resource, acquired) VALUES ($1, (now() AT TIME ZONE 'UTC') - $2::interval)", default,
                $"{ServiceHost.HangfireSchema}:job:{jobId}:state-lock", $"{ServiceHost.AbandonedLockAfter.TotalSeconds + 5} seconds");
        await using var serve = await ServeProcess.StartAsync(database, _output.Path);

        var runs = await WaitForPacksAsync(database, 1, serve);
        Assert.Equal("succeeded", Assert.Single(runs).State);
    }

    [Fact]
    public async Task A_stopped_server_finishes_its_pack_before_exiting()
    {
        var database = await DatabaseWithAsync(Repo.Sample);
        var serve = await ServeProcess.StartAsync(database, _output.Path);
        Enqueue(StorageFor(database), "2024-01");
        await UntilAsync(async () => (await RunsAsync(database)).Count > 0, serve);
        Assert.Equal(0, await serve.StopAsync());
        await serve.DisposeAsync();
        Assert.Equal("succeeded", Assert.Single(await RunsAsync(database)).State);
    }

    [Fact]
    public void Invalid_configuration_exits_2_with_a_clear_message()
    {
        var (exit, _, stderr) = CliProcess.Run(new Dictionary<string, string> { ["ReportEngine__Schedules__monthly"] = "every monday" },
            "serve", "--db", postgres.ConnectionString());
        Assert.Equal(2, exit);
        Assert.Contains("ReportEngine:Schedules:monthly 'every monday' is not a valid cron expression", stderr);

        (exit, _, stderr) = CliProcess.Run(new Dictionary<string, string> { ["ReportEngine__Schedules__weekly"] = "0 6 * * 1" },
            "serve", "--db", postgres.ConnectionString());
        Assert.Equal(2, exit);
        Assert.Contains("ReportEngine:Schedules:weekly: 'weekly' is not a report kind", stderr);

        (exit, _, stderr) = CliProcess.Run("serve", "--db", "Host=;;;=oops");
        Assert.Equal(2, exit);
        Assert.Contains("ConnectionStrings:ReportEngine is not a valid connection string", stderr);
    }

    [Fact]
    public void Three_invalid_settings_are_three_lines_of_one_start_and_an_old_name_is_read_with_one_warning()
    {
        var output = Path.Combine(Path.GetTempPath(), $"reportengine-refused-{Guid.NewGuid():N}");
        var (exit, stdout, stderr) = CliProcess.Run(new Dictionary<string, string>
        {
            ["ReportEngine__Schedules__monthly"] = "every monday",
            ["ReportEngine__WorkerCount"] = "0",
            // The old name of ReportEngine__Archive__Objects: read, with a warning, and refused for its value.
            ["Archive__Objects"] = "cloud",
            ["Archive__Folder"] = Path.Combine(output, "archive"),
        }, "serve", "--db", postgres.ConnectionString());
        Assert.Equal(2, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 3, stderr);
        Assert.Contains(lines, l => l.Contains("ReportEngine:Schedules:monthly 'every monday' is not a valid cron expression", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("WorkerCount", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ReportEngine:Archive:Objects: 'cloud'", StringComparison.Ordinal));
        Assert.Single(stdout.Split('\n'), l => l.Contains("Archive__* settings are old names, read for this release only: rename them ReportEngine__Archive__*", StringComparison.Ordinal));
        // A start refused writes nothing: no folder, no key file beside it.
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("monthly", "2024-02-01T06:00:00Z", "2024-01")]
    [InlineData("monthly", "2024-04-01T05:00:00Z", "2024-03")] // 06:00 BST
    [InlineData("monthly", "2024-03-31T23:30:00Z", "2024-03")] // already 1 April in London: the pack is for March
    [InlineData("monthly", "2024-01-01T06:00:00Z", "2023-12")]
    [InlineData("complaints-annual", "2024-05-01T05:00:00Z", "2023-24")] // the default: 06:00 BST on 1 May
    [InlineData("complaints-annual", "2024-03-31T23:30:00Z", "2023-24")] // already 1 April in London: 2023-24 has ended
    [InlineData("complaints-annual", "2024-03-31T22:30:00Z", "2022-23")] // 23:30 on 31 March in London: 2023-24 is still running
    [InlineData("complaints-annual", "2000-04-01T06:00:00Z", "1999-00")]
    public void A_scheduled_run_issues_the_period_that_ended_before_its_due_time_in_london(string kind, string due, string period) =>
        Assert.Equal(period, ReportJob.PeriodBefore(ReportKinds.Standard.Find(kind)!, DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString());
}
