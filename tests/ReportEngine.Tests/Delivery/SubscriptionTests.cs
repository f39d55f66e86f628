using System.Net;
using System.Net.Http.Json;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Web;

namespace ReportEngine.Tests.Delivery;

/// <summary>
/// web.md version 2's subscriptions through a real <c>serve</c> and SMTP server: a Viewer subscribes themselves to a
/// report of an authority they may see, gets the next one issued by email (a link, no attachment), and unsubscribes.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class SubscriptionTests(PostgresFixture postgres) : MailTestBase(postgres)
{
    private const string Viewer = "reader@northdale.gov.uk";

    private Dictionary<string, string> Cli => new() { ["REPORTENGINE_ARCHIVE"] = Path.Combine(Out.Path, ".archive") };

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient person, bool subscribe) =>
        await person.PostAsync("/subscriptions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["authority"] = "NDC", ["kind"] = "monthly", ["subscribe"] = subscribe ? "true" : "false",
            ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await person.GetStringAsync("/subscriptions")),
        }));

    [Fact]
    public async Task A_viewer_subscribes_gets_the_next_report_issued_by_email_and_unsubscribes()
    {
        Assert.Equal(0, CliProcess.RunWithInput(Cli, DashboardFixture.Password + "\n", "users", "add", Viewer, "--role", "Viewer", "--authority", "NDC",
            "--name", "Rea Der", "--password-stdin", "--db", Db).Exit);
        Assert.Equal(0, CliProcess.Run(Cli, "users", "add", "asker@northdale.gov.uk", "--role", "Requester", "--authority", "NDC", "--db", Db).Exit);
        var token = CliProcess.Run(Cli, "users", "token", "asker@northdale.gov.uk", "--name", "tests", "--db", Db).Out.Trim();
        var settings = Smtp.Settings;
        settings["Archive__Folder"] = Path.Combine(Out.Path, ".archive");
        await using var serve = await ServeProcess.StartAsync(Db, Out.Path, settings);

        using var person = serve.Client(new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardFixture.SignInAsync(person, Viewer, DashboardFixture.Password)).StatusCode);
        var subscribed = await ChangeAsync(person, subscribe: true);
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Contains("You will get an email", await subscribed.Content.ReadAsStringAsync());
        Assert.Contains("Subscribed", await person.GetStringAsync("/subscriptions"));
        // Another authority's reports cannot be subscribed to.
        var elsewhere = await person.PostAsync("/subscriptions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["authority"] = "OTH", ["kind"] = "monthly", ["subscribe"] = "true",
            ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await person.GetStringAsync("/subscriptions")),
        }));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        using var api = serve.Client();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var issued = await DashboardFixture.RequestAndWaitAsync(api, new { authority = "NDC", kind = "monthly", period = "2024-01" }, () => serve.Log);
        Assert.Equal("done", issued.GetProperty("status").GetString());
        await Eventually.WaitAsync(() => Smtp.To(Viewer).Count > 0, () => serve.Log, "the subscriber's email");
        var message = Assert.Single(Smtp.To(Viewer));
        Assert.Empty(message.Attachments);
        Assert.Equal(issued.GetProperty("archiveId").GetString(), message.Headers["X-ReportEngine-Archive-Id"]);

        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(person, subscribe: false)).StatusCode);
        Assert.Contains("Not subscribed", await person.GetStringAsync("/subscriptions"));
        Assert.DoesNotContain(Viewer, CliProcess.Run(Cli, "recipients", "list", "--db", Db).Out);
    }
}
