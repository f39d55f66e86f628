using System.Text.Json;
using PuppeteerSharp;
using ReportEngine.Printing;

namespace ReportEngine.Tests.Web;

/// <summary>
/// A real headless Chromium (the one the project prints with, never a downloaded one) driving the dashboard as a
/// person would, with axe-core (from the Deque.AxeCore.Commons package) injected to check each page.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private static readonly Lazy<string> AxeScript = new(() => new Deque.AxeCore.Commons.BundledAxeScriptProvider().GetScript());
    private readonly IBrowser _browser;
    private readonly TempFolder _profile;

    private DashboardBrowser(IBrowser browser, TempFolder profile)
    {
        _browser = browser;
        _profile = profile;
    }

    public static async Task<DashboardBrowser> LaunchAsync()
    {
        var profile = new TempFolder();
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = new ChromiumOptions().ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={profile.Path}"],
            DefaultViewport = new ViewPortOptions { Width = 1280, Height = 900 },
        });
        return new DashboardBrowser(browser, profile);
    }

    /// <param name="forAxe">Lets the test inject axe-core despite the page's Content-Security-Policy (which forbids inline script, as it should).</param>
    public async Task<IPage> NewPageAsync(bool forAxe = false)
    {
        var page = await _browser.NewPageAsync();
        page.DefaultTimeout = 60_000;
        page.DefaultNavigationTimeout = 60_000;
        if (forAxe) await page.SetBypassCSPAsync(true);
        return page;
    }

    public static async Task SignInAsync(IPage page, string url, Person person)
    {
        await page.GoToAsync($"{url}/sign-in");
        await page.TypeAsync("#email", person.Email);
        await page.TypeAsync("#password", DashboardFixture.Password);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("main button[type=submit]"));
        Assert.Equal($"{url}/", page.Url);
    }

    /// <summary>axe-core's serious and critical violations of WCAG 2.2 A and AA on the page as it stands.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new AddTagOptions { Content = AxeScript.Value });
        var violations = await page.EvaluateExpressionAsync<JsonElement>(
            """
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))
            """);
        return violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at " +
                         string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
    }

    /// <summary>Whether the focused element shows that it has focus: the yellow focus colour, a visible outline or a focus shadow.</summary>
    public static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateExpressionAsync<bool>(
        """
        (() => {
          const e = document.activeElement;
          if (!e || e === document.body) return false;
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && s.outlineWidth !== '0px' && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent';
          return s.backgroundColor === 'rgb(255, 221, 0)' || outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
        })()
        """);

    /// <summary>Presses Tab until <paramref name="selector"/> has focus, checking on the way that every stop shows its focus.</summary>
    public static async Task TabToAsync(IPage page, string selector, int most = 40)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            // Focus on the document itself (between the address bar and the page) is no stop of the page's own.
            if (await page.EvaluateExpressionAsync<bool>("document.activeElement === document.body")) continue;
            Assert.True(await FocusIsVisibleAsync(page), $"focus not visible on {await DescribeFocusAsync(page)} at {page.Url}");
            if (await page.EvaluateFunctionAsync<bool>("s => document.activeElement === document.querySelector(s)", selector)) return;
        }
        Assert.Fail($"{selector} was not reached with Tab on {page.Url}");
    }

    private static Task<string> DescribeFocusAsync(IPage page) =>
        page.EvaluateExpressionAsync<string>("document.activeElement.outerHTML.slice(0, 120)");

    /// <summary>The page's cookies as a Cookie header, to download what the page links to with the same session.</summary>
    public static async Task<HttpClient> ClientWithCookiesOfAsync(IPage page, string url)
    {
        var cookies = await page.GetCookiesAsync(url);
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        return client;
    }

    /// <summary>Saves a picture of the page for the README when UPDATE_SCREENSHOTS=1 (the tests' own browser makes them).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") != "1") return;
        await page.ScreenshotAsync(Path.Combine(Repo.Root, "docs", "images", $"dashboard-{name}.png"), new ScreenshotOptions { FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        _profile.Dispose();
    }
}
