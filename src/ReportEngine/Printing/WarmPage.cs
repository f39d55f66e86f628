using PuppeteerSharp;

namespace ReportEngine.Printing;

/// <summary>
/// A page of the warm browser, kept between prints: a new page costs Chromium a renderer process started and torn down
/// again, a third of a pack's print on a small machine (issue 26). One print at a time has it; each print's document
/// replaces the last one's (a navigation, so nothing of the last document is left) and is answered by this page's
/// request handler, which blocks the rest. JavaScript is off and requests intercepted for the page's whole life.
/// </summary>
internal sealed class WarmPage
{
    /// <summary>An address no network can answer (RFC 2606), for the one request the page fulfils itself.</summary>
    internal const string DocumentUrl = "https://reportengine.invalid/report.html";

    private const string FaviconUrl = "https://reportengine.invalid/favicon.ico";

    private readonly object _sync = new();
    private byte[] _document = [];
    private List<string> _blocked = [];
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WarmPage(IPage page) => Page = page;

    public IPage Page { get; }

    /// <summary>Ends when the page's renderer dies (Chromium's "page crashed").</summary>
    public Task Crashed => _crashed.Task;

    /// <summary>Whether a print can use the page: not closed, and its renderer has not died.</summary>
    public bool Usable => !_crashed.Task.IsCompleted && !Page.IsClosed;

    public static async Task<WarmPage> OpenAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync();
        try
        {
            var warm = new WarmPage(page);
            page.Error += (_, _) => warm._crashed.TrySetResult();
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) => await warm.AnswerAsync(e.Request);
            return warm;
        }
        catch
        {
            await CloseAsync(page);
            throw;
        }
    }

    /// <summary>The document the next navigation to <see cref="DocumentUrl"/> is answered with; the blocked list starts empty.</summary>
    public void Hold(byte[] document)
    {
        lock (_sync) (_document, _blocked) = (document, []);
    }

    /// <summary>The print is over: the requests its document made that were blocked; the document is let go.</summary>
    public IReadOnlyList<string> Finish()
    {
        lock (_sync)
        {
            _document = [];
            return _blocked.ToArray();
        }
    }

    private async Task AnswerAsync(IRequest request)
    {
        if (request.Url == DocumentUrl && request.IsNavigationRequest)
        {
            byte[] document;
            lock (_sync) document = _document;
            await request.RespondAsync(new ResponseData
            {
                Status = System.Net.HttpStatusCode.OK, ContentType = "text/html; charset=utf-8", BodyData = document,
            });
            return;
        }
        if (request.Url.StartsWith("data:", StringComparison.Ordinal))
        {
            await request.ContinueAsync();
            return;
        }
        // The browser asks for the internal address's favicon by itself; anything else was asked for by the document.
        if (request.Url != FaviconUrl)
            lock (_sync) _blocked.Add(request.Url.Length > 200 ? request.Url[..200] + "…" : request.Url);
        await request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
    }

    /// <summary>How long closing a page may take before it is let go.</summary>
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Chromium can accept a page's close and then never confirm it, notably when the page's renderer has just died
    /// (puppeteer-sharp #3530); waiting for that would hold the print until the whole-print deadline and mark a
    /// working browser as hung. The page is let go instead: the print has its outcome already.
    /// </summary>
    public Task CloseAsync() => CloseAsync(Page);

    private static async Task CloseAsync(IPage page)
    {
        try
        {
            await page.CloseAsync().WaitAsync(CloseLimit);
        }
        catch (Exception ex) when (ex is TimeoutException or PuppeteerException)
        {
        }
    }
}
