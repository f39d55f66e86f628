using PuppeteerSharp;
using UglyToad.PdfPig;

namespace ReportEngine.Tests.Web;

/// <summary>The dashboard driven in real headless Chromium: by mouse, by keyboard alone, and checked with axe-core on every page.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture dashboard) : IAsyncLifetime
{
    private DashboardBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await DashboardBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task A_requester_signs_in_requests_two_reports_watches_them_finish_downloads_them_and_finds_them_in_the_archive()
    {
        var page = await _browser.NewPageAsync();
        await DashboardBrowser.SignInAsync(page, dashboard.Url, DashboardFixture.Requester);

        foreach (var (kind, period, title) in new[] { ("monthly", "2024-02", "Inspection-readiness"), ("complaints-annual", "2023-24", "complaints") })
        {
            await page.GoToAsync($"{dashboard.Url}/requests/new");
            await page.SelectAsync("#authority", "NDC");
            await page.SelectAsync("#kind", kind);
            await page.SelectAsync("#period", period);
            await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("main button[type=submit]"));
            Assert.Matches($"{dashboard.Url}/requests/[0-9]+$", page.Url);
            if (kind == "monthly" && Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
            {
                // For the README's picture: the request part-way, as the page's script shows it.
                await page.WaitForFunctionAsync("() => ['rendering', 'archiving'].includes(document.getElementById('status')?.dataset.status)",
                    new WaitForFunctionOptions { PollingInterval = 50, Timeout = 60_000 });
                await DashboardBrowser.ScreenshotAsync(page, "request-in-progress");
            }

            // The page's own script follows the request and loads the page again when it is done.
            await page.WaitForSelectorAsync("#download-pdf", new WaitForSelectorOptions { Timeout = 180_000 });
            Assert.Equal("Done", await page.EvaluateExpressionAsync<string>("document.getElementById('status').textContent"));
            var href = await page.EvaluateExpressionAsync<string>("document.getElementById('download-pdf').getAttribute('href')");
            using var client = await DashboardBrowser.ClientWithCookiesOfAsync(page, dashboard.Url);
            var response = await client.GetAsync(href);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"NDC", response.Content.Headers.ContentDisposition!.FileName);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            Assert.True(pdf.NumberOfPages >= 3);
            Assert.Contains(title, string.Join(" ", pdf.GetPages().Take(2).Select(p => p.Text)), StringComparison.OrdinalIgnoreCase);
        }

        await page.GoToAsync($"{dashboard.Url}/archive?authority=NDC");
        var rows = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#entries tbody tr')].map(r => r.innerText)");
        Assert.Contains(rows, r => r.Contains("2024-02") && r.Contains("Inspection-readiness pack"));
        // The authority by its name, as its dataset gives it, in the list and in the filter.
        Assert.All(rows, r => Assert.Contains("Northdale County Council", r));
        Assert.Equal("Northdale County Council", await page.EvaluateExpressionAsync<string>("document.querySelector('#authority option[value=NDC]').textContent"));
        Assert.Contains(rows, r => r.Contains("2023-24") && r.Contains("Annual complaints report"));
        await DashboardBrowser.ScreenshotAsync(page, "archive");
        await page.GoToAsync($"{dashboard.Url}/");
        await DashboardBrowser.ScreenshotAsync(page, "home");
        var home = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844 });
        await DashboardBrowser.ScreenshotAsync(page, "home-phone");
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        Assert.Contains("Complaints in 12 months", home);
        // benchmarks.md: a headline figure beside England's published one, its period and the quarter of councils (the
        // latest monthly pack may be another test's, of another month: the sample publishes for 2021-22 and 2022-23).
        Assert.Matches(@"Responded to on time\s+[0-9.]+%\s+England [0-9.]+%, 202[12]-2[23]; (top|second|third|bottom) quarter of councils", home);
        Assert.Matches(@"Reviewed in 12 months\s+[0-9.]+%\s+England [0-9.]+%, 202[12]-2[23]", home);
    }

    [Fact]
    public async Task Everything_can_be_done_with_the_keyboard_alone_and_focus_is_always_visible()
    {
        var page = await _browser.NewPageAsync();
        await page.GoToAsync($"{dashboard.Url}/sign-in");
        await DashboardBrowser.TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync(DashboardFixture.Requester.Email);
        await DashboardBrowser.TabToAsync(page, "#password");
        await page.Keyboard.TypeAsync(DashboardFixture.Password);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));
        Assert.Equal($"{dashboard.Url}/", page.Url);

        await DashboardBrowser.TabToAsync(page, "a[href='/requests/new']");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));
        await DashboardBrowser.TabToAsync(page, "#authority");
        await page.Keyboard.TypeAsync("NDC");
        await DashboardBrowser.TabToAsync(page, "#kind");
        await page.Keyboard.TypeAsync("Quality");
        await DashboardBrowser.TabToAsync(page, "#period");
        await page.Keyboard.TypeAsync("December 2023");
        await DashboardBrowser.TabToAsync(page, "#statement");
        await page.Keyboard.TypeAsync("LEARNING");
        await DashboardBrowser.TabToAsync(page, "main button[type=submit]");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));
        Assert.Matches($"{dashboard.Url}/requests/[0-9]+$", page.Url);
        Assert.Contains("Quality statement report: LEARNING, December 2023", await page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"));

        await page.WaitForSelectorAsync("#download-pdf", new WaitForSelectorOptions { Timeout = 180_000 });
        await DashboardBrowser.TabToAsync(page, "#download-pdf");
    }

    [Fact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation_signed_in_or_out()
    {
        var entry = await dashboard.SampleEntryAsync();
        var request = (await dashboard.RequestAndWaitAsync(DashboardFixture.Admin, new { authority = "NDC", kind = "monthly", period = "2024-01" })).GetProperty("id").GetInt64();
        var found = new List<string>();
        var page = await _browser.NewPageAsync(forAxe: true);

        async Task CheckAsync(string what)
        {
            foreach (var violation in await DashboardBrowser.SeriousViolationsAsync(page)) found.Add($"{what}: {violation}");
        }

        await page.GoToAsync($"{dashboard.Url}/sign-in");
        await CheckAsync("sign-in");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("main button[type=submit]"));
        await CheckAsync("sign-in with errors");

        await DashboardBrowser.SignInAsync(page, dashboard.Url, DashboardFixture.Admin);
        foreach (var path in new[] { "/", "/requests/new", $"/requests/{request}", "/archive", "/archive?from=nonsense", $"/archive/{entry}", $"/packs/{entry}", "/admin/users", "/admin/recipients",
                     "/admin/schedules", "/admin/audit", "/admin/review", "/drafts", "/datasets/upload", "/account/password", "/accessibility", "/subscriptions", "/not-allowed",
                     $"/admin/users?person={Uri.EscapeDataString(DashboardFixture.Requester.Email)}" })
        {
            await page.GoToAsync($"{dashboard.Url}{path}");
            await CheckAsync(path);
            if (path == "/admin/schedules") await DashboardBrowser.ScreenshotAsync(page, "schedules");
            // And on a phone: what a narrow screen shows (the menu button, folded tables) must pass as well.
            await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844 });
            await CheckAsync($"{path} at 390 pixels");
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        }
        await page.GoToAsync($"{dashboard.Url}/requests/new");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("main button[type=submit]"));
        Assert.Contains("There is a problem", await page.EvaluateExpressionAsync<string>("document.body.innerText"));
        await CheckAsync("request with errors");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>
    /// web.md version 2 on a 390-pixel phone: the navigation folds behind a Menu button (the GOV.UK header pattern), no page
    /// scrolls sideways (a wide table scrolls within its own region), and the accessibility statement is linked from every
    /// page's footer and open without sign-in.
    /// </summary>
    [Fact]
    public async Task On_a_phone_the_navigation_folds_behind_a_menu_button_and_no_page_scrolls_sideways()
    {
        var entry = await dashboard.SampleEntryAsync();
        var page = await _browser.NewPageAsync();
        await DashboardBrowser.SignInAsync(page, dashboard.Url, DashboardFixture.Admin);
        await page.GoToAsync($"{dashboard.Url}/accessibility");
        Assert.Contains("Accessibility statement for ReportEngine", await page.EvaluateExpressionAsync<string>("document.body.innerText"));
        await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844 });
        var wide = new List<string>();
        foreach (var path in new[] { "/", "/requests/new", "/archive", $"/archive/{entry}", "/admin/users", "/admin/recipients", "/admin/schedules", "/admin/audit",
                     "/admin/review", "/drafts", "/datasets/upload", "/accessibility", "/subscriptions", "/account/password", "/not-allowed" })
        {
            await page.GoToAsync($"{dashboard.Url}{path}");
            Assert.Equal("/accessibility", await page.EvaluateExpressionAsync<string>("document.querySelector('footer a[href=\"/accessibility\"]').getAttribute('href')"));
            if (!await page.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= 390"))
                wide.Add($"{path}: " + string.Join(" | ", await page.EvaluateExpressionAsync<string[]>(
                    "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.app-table-scroll')).slice(0, 4).map(e => e.outerHTML.slice(0, 80))")));
        }
        Assert.True(wide.Count == 0, string.Join("\n", wide));

        await page.GoToAsync($"{dashboard.Url}/");
        const string navigationShown = "getComputedStyle(document.getElementById('app-navigation')).display !== 'none'";
        const string buttonShown = "getComputedStyle(document.querySelector('.app-header__menu-button')).display !== 'none'";
        Assert.False(await page.EvaluateExpressionAsync<bool>(navigationShown));
        Assert.True(await page.EvaluateExpressionAsync<bool>(buttonShown));
        Assert.Equal("false", await page.EvaluateExpressionAsync<string>("document.querySelector('.app-header__menu-button').getAttribute('aria-expanded')"));
        await DashboardBrowser.TabToAsync(page, ".app-header__menu-button");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.EvaluateExpressionAsync<bool>(navigationShown));
        Assert.Equal("true", await page.EvaluateExpressionAsync<string>("document.querySelector('.app-header__menu-button').getAttribute('aria-expanded')"));
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        // On a wide screen again (the media query's change event comes after the resize), no button and the whole navigation.
        await page.WaitForFunctionAsync($"() => !({buttonShown})", new WaitForFunctionOptions { Timeout = 10_000 });
        Assert.True(await page.EvaluateExpressionAsync<bool>(navigationShown));

        // The audit log as CSV: every event of the filter, its export audited.
        using var client = await DashboardBrowser.ClientWithCookiesOfAsync(page, dashboard.Url);
        var csv = await client.GetAsync("/admin/audit?handler=Csv&from=2020-01-01");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,at,actor,action,what,outcome", lines[0]);
        Assert.Contains(lines, l => l.Contains("sign-in.password", StringComparison.Ordinal) && l.Contains("Signed in with a password", StringComparison.Ordinal));
        Assert.Contains(await dashboard.AuditAsync(), a => a.Action == "audit.export");
    }

    [Fact]
    public async Task Hangfires_dashboard_writes_its_dates_day_first_with_a_24_hour_clock()
    {
        var page = await _browser.NewPageAsync();
        await DashboardBrowser.SignInAsync(page, dashboard.Url, DashboardFixture.Admin);
        await page.GoToAsync($"{dashboard.Url}/hangfire/recurring");
        Assert.Equal("en-gb", await page.EvaluateExpressionAsync<string>("moment.locale()"));
        // Noon on 3 February 2024 UTC is the 3rd of February wherever the browser is.
        Assert.Equal("03/02/2024", await page.EvaluateExpressionAsync<string>("moment.unix(1706961600).format('L')"));
        // The next run of each schedule, as its tooltip says it: "Mon, 1 Jan 2024 06:00", never "Mon, Jan 1, 2024 6:00 AM".
        // (Bootstrap's tooltip moves a title to data-original-title.)
        const string titles = "[...document.querySelectorAll('[data-moment]')].map(e => e.title || e.getAttribute('data-original-title')).filter(t => t)";
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('[data-moment]').length") > 0, await page.EvaluateExpressionAsync<string>("document.body.innerText"));
        await page.WaitForFunctionAsync($"() => {titles}.length > 0", new WaitForFunctionOptions { Timeout = 10_000 });
        Assert.All(await page.EvaluateExpressionAsync<string[]>(titles), t => Assert.Matches(@"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$", t));
    }
}
