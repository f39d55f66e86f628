using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using ReportEngine.Service.Notices;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>
/// review.md's messages through a real <c>serve</c> and a real SMTP server: a scheduled draft announced to each
/// Approver once (a link, never the PDF), one reminder, a return sent to the commentary's writer with its reason, and
/// the report delivered to its recipients only after approval, exactly once.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class DraftNoticeTests(PostgresFixture postgres) : MailTestBase(postgres)
{
    private Dictionary<string, string> Cli => new() { ["REPORTENGINE_ARCHIVE"] = Path.Combine(Out.Path, ".archive") };

    private string Run(params string[] args)
    {
        var (exit, stdout, stderr) = CliProcess.Run(Cli, [.. args, "--db", Db]);
        Assert.True(exit == 0, $"{string.Join(' ', args)}: {stderr}");
        return stdout.Trim();
    }

    private HttpClient Api(ServeProcess serve, string email)
    {
        var client = serve.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Run("users", "token", email, "--name", $"tests-{Guid.NewGuid():N}"));
        return client;
    }

    private Task WaitForAsync(Func<bool> done, ServeProcess serve) =>
        Eventually.WaitAsync(done, () => $"messages: {string.Join("; ", Smtp.Messages.Select(m => $"{m.To} {m.Subject}"))}\n{serve.Log}", "the messages");

    [Fact]
    public async Task A_scheduled_draft_is_announced_to_each_approver_once_reminded_once_returned_to_its_writer_and_delivered_only_after_approval()
    {
        Run("review-mode", "set", "--authority", "NDC", "--kind", "monthly", "required");
        Run("users", "add", "first.approver@northdale.gov.uk", "--role", "Approver", "--authority", "NDC", "--name", "Asha Patel");
        Run("users", "add", "second.approver@northdale.gov.uk", "--role", "Approver", "--authority", "*", "--name", "Ben Okafor");
        Run("users", "add", "elsewhere@other.gov.uk", "--role", "Approver"); // granted no authority
        Run("users", "add", "writer@northdale.gov.uk", "--role", "Requester", "--authority", "NDC", "--name", "Cara Doyle");
        Run("recipients", "add", "--authority", "NDC", "--kind", "monthly", "--email", "director@northdale.gov.uk");
        var settings = Smtp.Settings;
        settings["ReportEngine__Archive__Folder"] = Path.Combine(Out.Path, ".archive");
        await using var serve = await ServeProcess.StartAsync(Db, Out.Path, settings);
        var storage = TestDatabases.HangfireStorage(Db);

        // The scheduled run makes a draft and tells each Approver of NDC, once, however often the run is repeated.
        TestDatabases.EnqueueScheduled(storage, "NDC/monthly/2024-01");
        await WaitForAsync(() => Smtp.Messages.Count >= 2, serve);
        TestDatabases.EnqueueScheduled(storage, "NDC/monthly/2024-01");
        await Task.Delay(3000);
        var ready = Smtp.Messages.ToList();
        Assert.Equal(["first.approver@northdale.gov.uk", "second.approver@northdale.gov.uk"], ready.Select(m => m.To.Mailboxes.Single().Address).Order());
        var message = ready[0];
        Assert.Contains("ready for sign-off", message.Subject);
        Assert.Contains("January 2024", message.Subject);
        Assert.Empty(message.Attachments);
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", "https://reports.northdale.gov.uk/drafts/([0-9]+)");
        Assert.True(link.Success, message.TextBody);
        var id = long.Parse(link.Groups[1].Value);
        Assert.Empty(Smtp.To("director@northdale.gov.uk"));

        // Three working days on, one reminder each, and only one.
        await using (var source = Npgsql.NpgsqlDataSource.Create(Db))
        await using (var backdate = source.CreateCommand("UPDATE reportengine.drafts SET created_at = created_at - interval '10 days' WHERE id = $1"))
        {
            backdate.Parameters.Add(new() { Value = id });
            await backdate.ExecuteNonQueryAsync();
        }
        var client = new BackgroundJobClient(storage);
        client.Enqueue<DraftNoticeJobs>(j => j.RemindAsync(CancellationToken.None));
        await WaitForAsync(() => Smtp.Messages.Count(m => m.Subject?.Contains("still awaiting sign-off") == true) >= 2, serve);
        client.Enqueue<DraftNoticeJobs>(j => j.RemindAsync(CancellationToken.None));
        await Task.Delay(3000);
        Assert.Equal(2, Smtp.Messages.Count(m => m.Subject?.Contains("still awaiting sign-off") == true));

        // The writer's commentary is returned with a reason, which reaches the writer alone.
        using var writer = Api(serve, "writer@northdale.gov.uk");
        using var approver = Api(serve, "first.approver@northdale.gov.uk");
        Assert.True((await writer.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = "Waits are down." })).IsSuccessStatusCode);
        var returned = await approver.PostAsJsonAsync($"/api/v1/drafts/{id}/return", new { reason = "Say by how much waits fell" });
        Assert.True(returned.IsSuccessStatusCode, await returned.Content.ReadAsStringAsync());
        await WaitForAsync(() => Smtp.To("writer@northdale.gov.uk").Count > 0, serve);
        var back = Assert.Single(Smtp.To("writer@northdale.gov.uk"));
        Assert.Contains("returned for changes", back.Subject);
        Assert.Contains("Say by how much waits fell", back.TextBody);

        // Changed and approved: the report goes to its recipient now, once.
        Assert.True((await writer.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = "Waits fell by a third." })).IsSuccessStatusCode);
        var approved = await approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var archiveId = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archiveId").GetString();
        await WaitForAsync(() => Smtp.To("director@northdale.gov.uk").Count > 0, serve);
        await Task.Delay(2000);
        var delivered = Assert.Single(Smtp.To("director@northdale.gov.uk"));
        Assert.Equal(archiveId, delivered.Headers["X-ReportEngine-Archive-Id"]);
        Assert.Empty(Smtp.To("elsewhere@other.gov.uk"));
    }

    /// <summary>Where the approval's process is killed: while its entry is being stored, or once the entry is committed.</summary>
    public enum ApprovalKill { WhileStoring, OnceCommitted }

    /// <summary>
    /// issue 21: killing <c>serve</c> during an approval leaves either the draft open or the report issued, never both
    /// or neither. The approval is held (the test locks a table it needs) while its entry waits to be committed, or once
    /// the entry is committed with the draft not yet marked, and killed there: start-up finishes the second. Either way
    /// the recipient gets the report once and the archive verifies.
    /// </summary>
    [Theory]
    [InlineData(ApprovalKill.WhileStoring)]
    [InlineData(ApprovalKill.OnceCommitted)]
    public async Task Killing_serve_during_an_approval_leaves_the_draft_open_or_the_report_issued_never_both_nor_neither(ApprovalKill kill)
    {
        Run("review-mode", "set", "--authority", "NDC", "--kind", "monthly", "required");
        Run("users", "add", "approver@northdale.gov.uk", "--role", "Approver", "--authority", "NDC", "--name", "Asha Patel");
        Run("users", "add", "writer@northdale.gov.uk", "--role", "Requester", "--authority", "NDC", "--name", "Cara Doyle");
        Run("recipients", "add", "--authority", "NDC", "--kind", "monthly", "--email", "director@northdale.gov.uk");
        var settings = Smtp.Settings;
        var archiveFolder = Path.Combine(Out.Path, ".archive");
        settings["ReportEngine__Archive__Folder"] = archiveFolder;
        await using var source = Npgsql.NpgsqlDataSource.Create(Db);
        async Task<(string State, string? ArchiveId)> DraftAsync(long draft)
        {
            await using var read = source.CreateCommand("SELECT state, archive_id FROM reportengine.drafts WHERE id = $1");
            read.Parameters.Add(new() { Value = draft });
            await using var reader = await read.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }
        async Task<List<string>> EntriesOfAsync(long draft)
        {
            await using var read = source.CreateCommand("SELECT id FROM reportengine.archive_records WHERE type = 'Entry' AND draft_id = $1");
            read.Parameters.Add(new() { Value = draft.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var ids = new List<string>();
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
            return ids;
        }
        async Task<bool> WaitsForAsync(string table)
        {
            await using var waiting = source.CreateCommand("SELECT count(*) FROM pg_locks WHERE relation = $1::regclass AND NOT granted");
            waiting.Parameters.Add(new() { Value = table });
            return (long)(await waiting.ExecuteScalarAsync())! > 0;
        }

        var serve = await ServeProcess.StartAsync(Db, Out.Path, settings);
        var logs = new System.Text.StringBuilder();
        long id;
        try
        {
            using (var writer = Api(serve, "writer@northdale.gov.uk"))
            {
                var request = await Web.DashboardFixture.RequestAndWaitAsync(writer, new { authority = "NDC", kind = "monthly", period = "2024-01" }, () => serve.Log);
                Assert.Equal("draft", request.GetProperty("status").GetString());
                id = request.GetProperty("draftId").GetInt64();
            }

            using var approver = Api(serve, "approver@northdale.gov.uk");
            await using var hold = await source.OpenConnectionAsync();
            await using var held = await hold.BeginTransactionAsync();
            // The approval is held where the case needs it: its entry's commit waits for the archive's table, or, once the
            // entry is committed, the scheduling of its follow-ups waits for Hangfire's job table (the draft not yet marked).
            var table = kill == ApprovalKill.WhileStoring ? "reportengine.archive_records" : "hangfire.job";
            await using (var lockTable = new Npgsql.NpgsqlCommand($"LOCK TABLE {table} IN SHARE MODE", hold, held)) await lockTable.ExecuteNonQueryAsync();
            var approving = approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
            // Something else may wait for Hangfire's table meanwhile (the draft's notice being enqueued, its job being marked
            // succeeded): once committed, the approval's entry is there too.
            await Eventually.WaitAsync(async () => approving.IsCompleted
                || (await WaitsForAsync(table) && (kill == ApprovalKill.WhileStoring || (await EntriesOfAsync(id)).Count == 1)),
                () => Task.FromResult(serve.Log), $"the approval waiting for {table}");
            Assert.False(approving.IsCompleted, serve.Log);
            Assert.Equal(kill == ApprovalKill.WhileStoring ? 0 : 1, (await EntriesOfAsync(id)).Count);
            Assert.Equal("open", (await DraftAsync(id)).State);
            serve.Kill();
            logs.Append(serve.Log);
            await held.RollbackAsync();
        }
        finally
        {
            await serve.DisposeAsync();
        }

        serve = await ServeProcess.StartAsync(Db, Out.Path, settings);
        try
        {
            var (state, _) = await DraftAsync(id);
            var entries = await EntriesOfAsync(id);
            // Never both (an open draft beside its issued report) nor neither (an approved draft without one).
            Assert.True(state == "approved" ? entries.Count == 1 : state == "open" && entries.Count == 0, $"{state}, {entries.Count} entries\n{logs}\n{serve.Log}");
            Assert.Equal(kill == ApprovalKill.WhileStoring ? "open" : "approved", state);
            if (state == "open")
            {
                using var approver = Api(serve, "approver@northdale.gov.uk");
                var approved = await approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
                Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
            }
            var archiveId = Assert.Single(await EntriesOfAsync(id));
            Assert.Equal(("approved", archiveId), await DraftAsync(id));
            await WaitForAsync(() => Smtp.To("director@northdale.gov.uk").Count > 0, serve);
            await Task.Delay(2000);
            Assert.Equal(archiveId, Assert.Single(Smtp.To("director@northdale.gov.uk")).Headers["X-ReportEngine-Archive-Id"]);
            if (kill == ApprovalKill.OnceCommitted)
            {
                await using var audited = source.CreateCommand(
                    "SELECT count(*) FROM reportengine.audit_events WHERE action = 'draft.approve' AND outcome = 'succeeded' AND actor = 'service:start-up' AND detail LIKE '%' || $1 || '%'");
                audited.Parameters.Add(new() { Value = archiveId });
                Assert.Equal(1L, await audited.ExecuteScalarAsync());
            }
        }
        finally
        {
            await serve.DisposeAsync();
        }
        var (exit, stdout, _) = CliProcess.Run(Cli, "archive", "verify", "--db", Db);
        Assert.True(exit == 0, stdout);
    }
}
