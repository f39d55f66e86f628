using System.Text;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ReportEngine.Printing;

/// <summary>
/// Prints HTML to a tagged A4 PDF with bookmarks in the warm browser. JavaScript is off; the document is handed over
/// as the answer to an intercepted request for an internal address (no <c>data:</c> URL, whose 2 MB cap large reports
/// exceed), and every other request except <c>data:</c> images is aborted, so nothing in a report can fetch a file or
/// reach the network. Failures never carry the document's content: it may hold people's names.
/// </summary>
public sealed class ChromiumPdfPrinter(ChromiumBrowser browser)
{
    /// <summary>An address no network can answer (RFC 2606), for the one request the printer fulfils itself.</summary>
    internal const string DocumentUrl = "https://reportengine.invalid/report.html";

    private const string FaviconUrl = "https://reportengine.invalid/favicon.ico";

    public async Task<PrintedPdf> PrintAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        // Every step has its own limit below; this one also covers those that have none (opening and closing the
        // page), so that a browser that stops answering fails the print instead of holding a worker for ever.
        var limit = TimeSpan.FromSeconds(browser.Options.PrintTimeoutSeconds * 2 + 10);
        await using var lease = await browser.LeaseAsync(cancellationToken: cancellationToken);
        try
        {
            return await PrintOnceAsync(lease.Browser, job, cancellationToken).WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The browser that hung is killed once its other prints end, and the next print starts a fresh one.
            lease.Hung = true;
            throw new PrintFailedException($"Chromium did not answer within {limit.TotalSeconds:F0} s; the browser is restarted.", timedOut: true);
        }
        catch (PrintFailedException ex) when (ex.TimedOut)
        {
            lease.Hung = true;
            throw;
        }
    }

    private async Task<PrintedPdf> PrintOnceAsync(IBrowser chromium, PrintJob job, CancellationToken cancellationToken)
    {
        var timeout = browser.Options.PrintTimeoutSeconds * 1000;
        var document = Encoding.UTF8.GetBytes(job.Html);
        try
        {
            return await PrintOnNewPageAsync(chromium, job, document, timeout, cancellationToken);
        }
        catch (Exception ex) when ((ex is PuppeteerException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            // The browser's message may quote the document; say what failed and how big the document was, nothing more.
            var timedOut = ex is TimeoutException || ex.InnerException is TimeoutException;
            var crashed = ex is TargetClosedException;
            throw new PrintFailedException($"Chromium could not print the {document.Length / 1048576.0:F1} MB report ({ex.GetType().Name}" +
                $"{(timedOut ? $", within {timeout / 1000} s; the browser is restarted" : crashed ? ": its page crashed" : "")}).", timedOut);
        }
    }

    private static async Task<PrintedPdf> PrintOnNewPageAsync(IBrowser chromium, PrintJob job, byte[] document, int timeout, CancellationToken cancellationToken)
    {
        var page = await chromium.NewPageAsync();
        try
        {
            return await PrintOnPageAsync(page, job, document, timeout, cancellationToken);
        }
        finally
        {
            await CloseAsync(page);
        }
    }

    /// <summary>How long closing a page may take before it is let go.</summary>
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Chromium can accept a page's close and then never confirm it, notably when the page's renderer has just died
    /// (puppeteer-sharp #3530); waiting for that would hold the print until the whole-print deadline and mark a
    /// working browser as hung. The page is let go instead: the print has its outcome already.
    /// </summary>
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

    private static async Task<PrintedPdf> PrintOnPageAsync(IPage page, PrintJob job, byte[] document, int timeout, CancellationToken cancellationToken)
    {
        var blocked = new List<string>();
        await page.SetJavaScriptEnabledAsync(false);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url == DocumentUrl && e.Request.IsNavigationRequest)
            {
                await e.Request.RespondAsync(new ResponseData
                {
                    Status = System.Net.HttpStatusCode.OK, ContentType = "text/html; charset=utf-8", BodyData = document,
                });
                return;
            }
            if (e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await e.Request.ContinueAsync();
                return;
            }
            // The browser asks for the internal address's favicon by itself; anything else was asked for by the document.
            if (e.Request.Url != FaviconUrl) lock (blocked) blocked.Add(e.Request.Url.Length > 200 ? e.Request.Url[..200] + "…" : e.Request.Url);
            await e.Request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
        };
        // With JavaScript off, SetContentAsync (document.write from script) cannot fill the page: the page navigates to
        // the internal address instead, and the load event fires once every (data:) resource is in.
        await page.GoToAsync(DocumentUrl, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = timeout });
        cancellationToken.ThrowIfCancellationRequested();
        var pdf = await page.PdfDataAsync(new PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = !job.PageNumbersOnly,
            DisplayHeaderFooter = !job.PageNumbersOnly,
            HeaderTemplate = job.HeaderHtml,
            FooterTemplate = job.FooterHtml,
            MarginOptions = new MarginOptions { Top = "24mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
            Tagged = !job.PageNumbersOnly,
            Outline = true,
            Timeout = timeout,
        });
        lock (blocked) return new PrintedPdf(pdf, blocked.ToArray());
    }
}

/// <summary>A print that failed or timed out; its message never quotes the document. Retried by jobs (a browser may recover).</summary>
public sealed class PrintFailedException(string message, bool timedOut = false) : Exception(message)
{
    /// <summary>The browser did not answer in time: it is not trusted with another print.</summary>
    public bool TimedOut { get; } = timedOut;
}
