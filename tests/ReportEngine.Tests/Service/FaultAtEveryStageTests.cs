using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using ReportEngine.Service.Delivery;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Service;

/// <summary>
/// A report asked for through the API, and at one stage of making it (gathering, printing, archiving, making the
/// PDF/A copy, sending it by email) either <c>serve</c> is killed outright (SIGKILL, its browser with it) and started
/// again, or PostgreSQL is restarted under it. Whatever happens, the report is issued once, its PDF/A copy is made once,
/// its one recipient gets one message, the archive verifies, the request ends done, and the log says what happened in
/// one line: a job taken over from the killed process, a job tried again, a sent copy recorded again. The dataset is the
/// sample scaled 30 times, so that every stage lasts long enough to be hit; the mail server holds the sender at RCPT TO
/// while the fault happens, and for a kill while archiving the test holds the archive's table, so that the entry waits
/// to be written while the process is killed.
/// </summary>
/// <remarks>
/// One class (a collection of its own, with its own PostgreSQL) per stage, both faults in each: a case spends most of its
/// time waiting for the job server to take the job up again, so the stages wait side by side.
/// </remarks>
public abstract class FaultAtEveryStageTests<TStage>(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture> where TStage : IFaultStage
{
    private const string Recipient = "director@northdale.gov.uk";
    internal const string SendingEmail = "Sending email";

    private readonly TempFolder _work = new();
    private TestSmtpServer _smtp = null!;
    private string _database = "";
    private NpgsqlDataSource _source = null!;
    private string _token = "";
    private string? _lastReadFailure;

    public async Task InitializeAsync()
    {
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, 30);
        _database = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), big.Path);
        _source = NpgsqlDataSource.Create(_database);
        var accounts = new ReportEngine.Service.Web.Accounts.AccountStore(_source, TimeProvider.System);
        await accounts.AddAsync("director@northdale.gov.uk", "Director", ReportEngine.Service.Web.Accounts.Role.Requester, ["NDC"], null);
        _token = await new ReportEngine.Service.Web.Accounts.ApiTokens(_source, accounts, TimeProvider.System).IssueAsync("director@northdale.gov.uk", "faults", 1);
        await new RecipientStore(_source, ReportEngine.Kinds.ReportKinds.Standard).AddAsync(new Recipient("NDC", "monthly", Recipient, "Director", false));
        _smtp = await TestSmtpServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _smtp.DisposeAsync();
        _work.Dispose();
    }

    /// <summary>The stage's two cases: <c>serve</c> killed, PostgreSQL restarted; each for a month of its own.</summary>
    public static TheoryData<string, Fault, string> Stages => new()
    {
        { TStage.Stage, Fault.KillServe, TStage.Months[0] },
        { TStage.Stage, Fault.RestartPostgres, TStage.Months[1] },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task A_fault_at_each_stage_still_issues_the_report_once_with_one_pdfa_copy_and_one_message(string stage, Fault fault, string period)
    {
        var output = Path.Combine(_work.Path, "packs");
        var atRecipient = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        if (stage == SendingEmail)
        {
            var held = 0;
            _smtp.OnRecipient = async _ =>
            {
                if (Interlocked.Exchange(ref held, 1) == 1) return;
                atRecipient.TrySetResult();
                await release.Task.WaitAsync(TimeSpan.FromSeconds(8));
            };
        }
        var earlierLogs = new StringBuilder();
        var serve = await ServeProcess.StartAsync(_database, output, _smtp.Settings);
        try
        {
            using var http = serve.Client();
            http.DefaultRequestHeaders.Authorization = new("Bearer", _token);
            var asked = await (await http.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period })).Content.ReadFromJsonAsync<JsonElement>();
            var id = asked.GetProperty("id").GetInt64();

            // Archiving is brief: seen from outside, a kill could land after the report's job had ended (it did, in CI). The
            // archive's table is held, so that the entry waits to be written, and the kill comes while it waits.
            await using var hold = stage == "Archiving" && fault == Fault.KillServe ? await ArchiveHold.TakeAsync(_source) : null;
            await WaitForStageAsync(stage, id, serve, atRecipient.Task);
            if (hold is not null)
                await Eventually.WaitAsync(async () => await ScalarAsync<long?>(ArchiveHold.Waiting) >= 1, async () => $"{await StageAsync(id)}\n{serve.Log}",
                    "the entry waiting to be written", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));
            switch (fault)
            {
                case Fault.KillServe:
                    serve.Kill();
                    earlierLogs.Append(serve.Log);
                    await serve.DisposeAsync();
                    if (hold is not null) await hold.DisposeAsync();
                    release.TrySetResult();
                    serve = await ServeProcess.StartAsync(_database, output, _smtp.Settings);
                    break;
                case Fault.RestartPostgres:
                    postgres.Stop();
                    await Task.Delay(1000);
                    postgres.Start();
                    release.TrySetResult();
                    break;
            }

            // A job the killed process was running is fetched again once its invisibility timeout (10 s here) has passed,
            // but Hangfire.PostgreSql has once taken three minutes to do so on a loaded machine: patience of six.
            var status = "";
            await Eventually.WaitAsync(async () => (status = await StatusAsync(id)) is "done" or "failed" && await PendingPdfAAsync() == 0 && await SentAsync() >= 1 && await JobsLeftAsync() == 0,
                async () => $"{serve.Log}\n{await WhereThingsStandAsync(id)}", $"after a fault at '{stage}' the request", TimeSpan.FromMinutes(6), TimeSpan.FromMilliseconds(500));
            Assert.True(status == "done", serve.Log);
            Assert.Equal(1, await CountAsync("type = 'Entry' AND period = $1", period));
            // One PDF/A copy and one set of editions, each its own follow-up job's addition, made once whatever the fault.
            Assert.Equal(1, await CountAsync("type = 'Addition' AND id LIKE '%/pdfa' AND adds_to IN (SELECT id FROM reportengine.archive_records WHERE period = $1)", period));
            Assert.Equal(1, await CountAsync("type = 'Addition' AND id LIKE '%/editions' AND adds_to IN (SELECT id FROM reportengine.archive_records WHERE period = $1)", period));
            Assert.Single(_smtp.To(Recipient));
            AssertTheLogSaysWhatHappened(stage, fault, serve.Log, earlierLogs + serve.Log);
        }
        finally
        {
            await serve.DisposeAsync();
        }
        var (exit, stdout, _) = CliProcess.Run(new Dictionary<string, string> { ["REPORTENGINE_ARCHIVE"] = Path.Combine(output, ".archive") }, "archive", "verify", "--db", _database);
        Assert.True(exit == 0, stdout);
    }

    /// <summary>
    /// Every entry of the surviving process's log is one line of JSON, and the fault is told in one line: each job the
    /// killed process was running is taken over once, by name; a restart of the database never gives a job up; a copy
    /// sent while the database restarted is recorded again, once.
    /// </summary>
    private static void AssertTheLogSaysWhatHappened(string stage, Fault fault, string survivorLog, string allLogs)
    {
        var entries = survivorLog.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var events = entries.Where(e => e.GetProperty("Category").GetString() == "ReportEngine.Service.JobEventLog")
            .Select(e => e.GetProperty("Message").GetString()!).ToList();
        var lost = entries.Count(e => e.GetProperty("Message").GetString()!.Contains("the database lost the record", StringComparison.Ordinal));
        var everything = $"the log said:\n{string.Join('\n', events)}\n---\n{allLogs}";
        switch (fault)
        {
            case Fault.KillServe:
                var job = stage switch { "PDF/A" => "PDF/A copy of", SendingEmail => "Deliver ", _ => "Requested report" };
                // The stage's job among them; with two workers, the other may have been running something too.
                var takeovers = events.Where(e => e.Contains("taken over", StringComparison.Ordinal)).ToList();
                Assert.True(takeovers.Any(e => e.Contains(job, StringComparison.Ordinal)), everything);
                Assert.True(takeovers.Select(e => e.Split(' ')[1]).Distinct().Count() == takeovers.Count, everything);
                Assert.DoesNotContain(events, e => e.Contains("not tried again", StringComparison.Ordinal));
                break;
            case Fault.RestartPostgres:
                Assert.DoesNotContain(events, e => e.Contains("not tried again", StringComparison.Ordinal) || e.Contains("taken over", StringComparison.Ordinal));
                Assert.True(lost == (stage == SendingEmail ? 1 : 0), everything);
                break;
        }
    }

    /// <summary>
    /// Waits until the request shows <paramref name="stage"/> (or, for the PDF/A copy, Ghostscript runs under the
    /// service after the report was sent; for email, the mail server holds the sender at RCPT TO).
    /// </summary>
    private async Task WaitForStageAsync(string stage, long id, ServeProcess serve, Task atRecipient)
    {
        await Eventually.WaitAsync(async () => stage switch
            {
                // The copy and the delivery are follow-ups of their own, run side by side: the fault comes once the copy is
                // under way and the message is recorded sent, so that it is the copy that is interrupted (a send cut off
                // is the email stage's case).
                "PDF/A" => GhostscriptRunsUnder(serve.ProcessId) && await SentAsync() >= 1,
                SendingEmail => atRecipient.IsCompleted,
                _ => (await StageAsync(id))?.StartsWith(stage, StringComparison.Ordinal) == true,
            }, async () => $"{await StageAsync(id)}\n{serve.Log}", $"the stage '{stage}'", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));
    }

    private static bool GhostscriptRunsUnder(int pid) =>
        ReportEngine.Printing.ProcessTree.Of(pid).Any(p =>
        {
            try { return File.ReadAllText($"/proc/{p}/comm").Trim() == "gs"; }
            catch (IOException) { return false; }
        });

    private async Task<string?> StageAsync(long id) => await ScalarAsync<string?>("SELECT stage FROM reportengine.report_requests WHERE id = $1", id);

    private async Task<string> StatusAsync(long id) => await ScalarAsync<string?>("SELECT status FROM reportengine.report_requests WHERE id = $1", id) ?? "";

    private async Task<long> PendingPdfAAsync() => await ScalarAsync<long?>(
        "SELECT count(*) FROM reportengine.archive_records e WHERE e.type = 'Entry' AND NOT EXISTS (SELECT 1 FROM reportengine.archive_records a WHERE a.adds_to = e.id)") ?? 1;

    private async Task<long> SentAsync() => await ScalarAsync<long?>("SELECT count(*) FROM reportengine.deliveries WHERE state = 'sent'") ?? 0;

    /// <summary>Jobs still waiting or running: a job taken over from a killed process runs out before the test looks at the log.</summary>
    private async Task<long> JobsLeftAsync() => await ScalarAsync<long?>("SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing', 'Scheduled')") ?? 1;

    /// <summary>Each thing the test waits for, in one line: printed last, so that a wait given up says which never came.</summary>
    private async Task<string> WhereThingsStandAsync(long id) =>
        $"request: {await StatusAsync(id)} ({await StageAsync(id)}); entries without their PDF/A copy: {await PendingPdfAAsync()}; messages sent: {await SentAsync()}; " +
        $"jobs left: {await ScalarAsync<string?>("SELECT string_agg(id || ' ' || statename || ' ' || left(invocationdata::text, 160), ', ') FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing', 'Scheduled')") ?? "none"}; " +
        $"the test's last failed read: {_lastReadFailure ?? "none"}";

    private async Task<long> CountAsync(string where, string period) =>
        await ScalarAsync<long?>($"SELECT count(*) FROM reportengine.archive_records WHERE {where}", period) ?? 0;

    /// <summary>A value from the database, or default while it is restarting.</summary>
    /// <remarks>On one pooled source: the stage is looked for every 20 ms, and a new connection each time was a new server process.</remarks>
    private async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        try
        {
            await using var command = _source.CreateCommand(sql);
            foreach (var value in values) command.Parameters.Add(new() { Value = value });
            return await command.ExecuteScalarAsync() is T result ? result : default;
        }
        catch (NpgsqlException ex)
        {
            _lastReadFailure = $"{DateTime.UtcNow:HH:mm:ss} {ex.Message}";
            return default;
        }
    }
}

public enum Fault { KillServe, RestartPostgres }

/// <summary>
/// The archive's table held in a transaction of the test's own (share mode: read, not written), so that an entry being
/// committed waits; released (rolled back) when disposed.
/// </summary>
internal sealed class ArchiveHold : IAsyncDisposable
{
    /// <summary>How many sessions are waiting to write to the held table.</summary>
    public const string Waiting = """
        SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'reportengine' AND c.relname = 'archive_records' AND NOT l.granted
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _released;

    private ArchiveHold(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<ArchiveHold> TakeAsync(NpgsqlDataSource source)
    {
        var connection = await source.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE reportengine.archive_records IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new ArchiveHold(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        if (_released) return;
        _released = true;
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>The stage a faults class breaks, as the request shows it, and the two months its cases issue.</summary>
public interface IFaultStage
{
    static abstract string Stage { get; }
    static abstract string[] Months { get; }
}

public sealed class FaultWhileReadingTests(PostgresFixture postgres) : FaultAtEveryStageTests<FaultWhileReadingTests>(postgres), IFaultStage
{
    public static string Stage => "Reading the evidence";
    public static string[] Months => ["2023-02", "2023-06"];
}

public sealed class FaultWhilePrintingTests(PostgresFixture postgres) : FaultAtEveryStageTests<FaultWhilePrintingTests>(postgres), IFaultStage
{
    public static string Stage => "Printing";
    public static string[] Months => ["2023-03", "2023-07"];
}

public sealed class FaultWhileArchivingTests(PostgresFixture postgres) : FaultAtEveryStageTests<FaultWhileArchivingTests>(postgres), IFaultStage
{
    public static string Stage => "Archiving";
    public static string[] Months => ["2023-04", "2023-08"];
}

public sealed class FaultWhileCopyingTests(PostgresFixture postgres) : FaultAtEveryStageTests<FaultWhileCopyingTests>(postgres), IFaultStage
{
    public static string Stage => "PDF/A";
    public static string[] Months => ["2023-05", "2023-09"];
}

public sealed class FaultWhileSendingTests(PostgresFixture postgres) : FaultAtEveryStageTests<FaultWhileSendingTests>(postgres), IFaultStage
{
    public static string Stage => FaultAtEveryStageTests<FaultWhileSendingTests>.SendingEmail;
    public static string[] Months => ["2023-10", "2023-11"];
}
