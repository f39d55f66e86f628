using PuppeteerSharp;

namespace ReportEngine.Tests.Web;

/// <summary>
/// The Drafts pages (review.md) in real headless Chromium: a requester writes commentary in the draft's page, an
/// approver finds it on the home page and the Drafts page and approves it with the keyboard; axe-core on each page, and
/// each usable at 390 pixels wide.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DraftPagesTests(DashboardFixture dashboard)
{
    private (int Exit, string Out, string Err) ReviewMode(string mode) =>
        CliProcess.Run(dashboard.CliEnvironment, "review-mode", "set", "--authority", "NDC", "--kind", "monthly", mode, "--db", dashboard.Database);

    [Fact]
    public async Task A_requester_writes_commentary_in_the_draft_page_and_an_approver_signs_it_off_from_the_drafts_page_by_keyboard()
    {
        Assert.Equal(0, ReviewMode("required").Exit);
        try
        {
            var id = (await dashboard.RequestAndWaitAsync(DashboardFixture.Requester, new { authority = "NDC", kind = "monthly", period = "2023-05" })).GetProperty("draftId").GetInt64();
            var found = new List<string>();
            // The draft page frames its PDF. Chromium's PDF viewer in that frame sometimes never ended a page's load, nor
            // let a form's answer count as a navigation, under load (two 3-minute CI timeouts): here the frame gets a
            // stand-in, the real PDF is fetched and read below, and each step waits for what the next page says.
            async Task<IPage> DraftPageAsync(DashboardBrowser browser)
            {
                var page = await browser.NewPageAsync(forAxe: true);
                await page.SetRequestInterceptionAsync(true);
                page.Request += async (_, e) =>
                {
                    if (e.Request.Url.Contains("handler=Pdf", StringComparison.Ordinal))
                        await e.Request.RespondAsync(new ResponseData { Status = System.Net.HttpStatusCode.OK, ContentType = "text/plain", Body = "the draft's PDF" });
                    else
                        await e.Request.ContinueAsync();
                };
                return page;
            }
            static Task ShowsAsync(IPage page, string script) => page.WaitForFunctionAsync($"() => {{ try {{ return {script}; }} catch {{ return false; }} }}");
            static Task StyledAsync(IPage page) =>
                ShowsAsync(page, "document.readyState !== 'loading' && [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet)");
            async Task VisitAsync(IPage page, string path)
            {
                await page.GoToAsync($"{dashboard.Url}{path}", WaitUntilNavigation.DOMContentLoaded);
                await StyledAsync(page);
            }
            // Submits a form and waits until the answer shows what it should (the old page never does).
            async Task SubmitAsync(IPage page, Func<Task> submit, string shows)
            {
                await submit();
                await ShowsAsync(page, shows);
                await StyledAsync(page);
            }

            await using (var requesterBrowser = await DashboardBrowser.LaunchAsync())
            {
                var page = await DraftPageAsync(requesterBrowser);
                await DashboardBrowser.SignInAsync(page, dashboard.Url, DashboardFixture.Requester);
                await VisitAsync(page, $"/drafts/{id}");
                Assert.Equal("open", await page.EvaluateExpressionAsync<string>("document.getElementById('state').textContent"));
                // The requester may write but not sign off.
                Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#confirm').length"));
                await page.TypeAsync("#text-overall", "Waits fell after the new triage rota began in April.\n\nSafeguarding enquiries are on track.");
                await SubmitAsync(page, () => page.ClickAsync("#text-overall ~ button"), "document.getElementById('done').textContent.includes('version 2')");
                Assert.Contains("new triage rota", await page.EvaluateExpressionAsync<string>("document.getElementById('text-overall').value"));
                // Over the limit: refused beside the slot, and what was typed is kept.
                await page.EvaluateExpressionAsync($"document.getElementById('text-safeguarding').value = 'x'.repeat({ReportEngine.Review.Commentary.MostCharacters + 1})");
                await SubmitAsync(page, () => page.ClickAsync("#text-safeguarding ~ button"), "document.body.innerText.includes('at most 4,000')");
                Assert.Equal(ReportEngine.Review.Commentary.MostCharacters + 1, await page.EvaluateExpressionAsync<int>("document.getElementById('text-safeguarding').value.length"));
                foreach (var violation in await DashboardBrowser.SeriousViolationsAsync(page)) found.Add($"draft with an error: {violation}");
                using var client = await DashboardBrowser.ClientWithCookiesOfAsync(page, dashboard.Url);
                var pdf = await client.GetByteArrayAsync($"/drafts/{id}?handler=Pdf");
                Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
            }

            await using var approverBrowser = await DashboardBrowser.LaunchAsync();
            var approver = await DraftPageAsync(approverBrowser);
            await DashboardBrowser.SignInAsync(approver, dashboard.Url, DashboardFixture.Approver);
            Assert.Contains("1 draft awaits your sign-off", await approver.EvaluateExpressionAsync<string>("document.getElementById('drafts-waiting').innerText"));
            await approver.GoToAsync($"{dashboard.Url}/drafts");
            Assert.Contains("2023-05", await approver.EvaluateExpressionAsync<string>("document.querySelector('#to-sign-off + .app-table-scroll').innerText"));
            foreach (var violation in await DashboardBrowser.SeriousViolationsAsync(approver)) found.Add($"drafts: {violation}");
            await DashboardBrowser.ScreenshotAsync(approver, "drafts");
            await VisitAsync(approver, $"/drafts/{id}");
            foreach (var violation in await DashboardBrowser.SeriousViolationsAsync(approver)) found.Add($"draft: {violation}");
            await DashboardBrowser.ScreenshotAsync(approver, "draft");

            // Every page of review usable at 390 pixels: nothing wider than the screen.
            await approver.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844 });
            foreach (var path in new[] { "/drafts", $"/drafts/{id}", "/" })
            {
                await VisitAsync(approver, path);
                var wider = await approver.EvaluateExpressionAsync<string[]>(
                    "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).slice(-5).map(e => e.outerHTML.slice(0, 100))");
                Assert.True(await approver.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= 390"), $"{path} is wider than 390 pixels: {string.Join("\n", wider)}");
            }
            await approver.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await VisitAsync(approver, $"/drafts/{id}");

            // Approving without the confirmation is refused; with it, by keyboard alone, the report is issued.
            await SubmitAsync(approver, () => approver.ClickAsync("form[action*='handler=Approve'] button"), "document.body.innerText.includes('Tick the box')");
            await approver.FocusAsync("#text-actions");
            await DashboardBrowser.TabToAsync(approver, "#confirm");
            await approver.Keyboard.PressAsync(" ");
            await DashboardBrowser.TabToAsync(approver, "form[action*='handler=Approve'] button");
            await SubmitAsync(approver, () => approver.Keyboard.PressAsync("Enter"), "document.getElementById('state').textContent === 'approved'");
            var entry = await approver.EvaluateExpressionAsync<string>("document.querySelector('#state ~ span a').textContent");
            await approver.GoToAsync($"{dashboard.Url}/archive/{entry}");
            Assert.Contains("Approved by approver (Approver) on", await approver.EvaluateExpressionAsync<string>("document.getElementById('approved-by').innerText"));
            Assert.True(found.Count == 0, string.Join("\n", found));
        }
        finally
        {
            ReviewMode("none");
        }
    }
}
