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
        settings["Archive__Folder"] = Path.Combine(Out.Path, ".archive");
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
}
