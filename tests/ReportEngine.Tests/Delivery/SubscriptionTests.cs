using System.Net;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Web;

namespace ReportEngine.Tests.Delivery;

/// <summary>
/// web.md version 2's subscriptions through a real <c>serve</c>, SMTP server and browser: a Viewer subscribes themselves
/// (by keyboard) to a report of an authority they may see, gets the next one issued by email (a link, no attachment), and
/// unsubscribes (by mouse).
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class SubscriptionTests(PostgresFixture postgres) : MailTestBase(postgres)
{
    private const string Viewer = "reader@northdale.gov.uk";

    private Dictionary<string, string> Cli => new() { ["REPORTENGINE_ARCHIVE"] = Path.Combine(Out.Path, ".archive") };

    [Fact]
    public async Task A_viewer_subscribes_gets_the_next_report_issued_by_email_and_unsubscribes()
    {
        Assert.Equal(0, CliProcess.RunWithInput(Cli, DashboardFixture.Password + "\n", "users", "add", Viewer, "--role", "Viewer", "--authority", "NDC",
            "--name", "Rea Der", "--password-stdin", "--db", Db).Exit);
        Assert.Equal(0, CliProcess.Run(Cli, "users", "add", "asker@northdale.gov.uk", "--role", "Requester", "--authority", "NDC", "--db", Db).Exit);
        var token = CliProcess.Run(Cli, "users", "token", "asker@northdale.gov.uk", "--name", "tests", "--db", Db).Out.Trim();
        var settings = Smtp.Settings;
        settings["ReportEngine__Archive__Folder"] = Path.Combine(Out.Path, ".archive");
        await using var serve = await ServeProcess.StartAsync(Db, Out.Path, settings);

        // In a real browser, by keyboard alone: sign in, open Reports by email, subscribe to Northdale's monthly pack.
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(forAxe: true);
        await DashboardBrowser.SignInAsync(page, serve.Url, new Person(Viewer, Role.Viewer, ["NDC"]));
        await page.GoToAsync($"{serve.Url}/subscriptions");
        Assert.Empty(await DashboardBrowser.SeriousViolationsAsync(page));
        Assert.Contains("Northdale County Council", await page.EvaluateExpressionAsync<string>("document.getElementById('subscriptions').innerText"));
        await DashboardBrowser.TabToAsync(page, "#subscribe-NDC-monthly");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));
        Assert.Contains("You will get an email", await page.EvaluateExpressionAsync<string>("document.getElementById('done').innerText"));
        Assert.NotNull(await page.QuerySelectorAsync("#unsubscribe-NDC-monthly"));
        Assert.Contains(Viewer, CliProcess.Run(Cli, "recipients", "list", "--db", Db).Out);

        // Another authority's reports cannot be subscribed to, whatever the form says.
        using var person = await DashboardBrowser.ClientWithCookiesOfAsync(page, serve.Url);
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

        // Unsubscribing, by mouse this time.
        await page.ReloadAsync();
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#unsubscribe-NDC-monthly"));
        Assert.Contains("Not subscribed", await page.EvaluateExpressionAsync<string>("document.getElementById('subscriptions').innerText"));
        Assert.DoesNotContain(Viewer, CliProcess.Run(Cli, "recipients", "list", "--db", Db).Out);
    }
}
