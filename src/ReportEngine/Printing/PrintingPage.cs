using System.Text;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ReportEngine.Printing;

/// <summary>
/// One print's page in the warm browser. Opening a page costs Chromium about a tenth of a second, so a report opens
/// its page as it starts and Chromium makes it while the figures are computed and the templates written; the print
/// then only loads and prints. JavaScript is off; the document is handed over as the answer to an intercepted request
/// for an internal address (no <c>data:</c> URL, whose 2 MB cap large reports exceed), and every other request except
/// <c>data:</c> images is aborted, so nothing in a report can fetch a file or reach the network. Failures never carry
/// the document's content: it may hold people's names. One print per page; disposing closes it.
/// </summary>
public sealed class PrintingPage : IAsyncDisposable
{
    /// <summary>An address no network can answer (RFC 2606), for the one request the page fulfils itself.</summary>
    internal const string DocumentUrl = "https://reportengine.invalid/report.html";

    private const string FaviconUrl = "https://reportengine.invalid/favicon.ico";

    /// <summary>How long closing a page may take before it is let go.</summary>
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(5);

    private readonly ChromiumBrowser _browser;
    private readonly Task<(BrowserLease Lease, IPage Page)> _opening;
    private readonly List<string> _blocked = [];
    private byte[] _document = [];

    /// <summary>The browser's lease from the moment it is taken, so that a page that never opens still hands it back.</summary>
    private BrowserLease? _lease;
    private int _printed;
    private int _closed;

    /// <summary>The print did not finish in time: the page's browser is not used again.</summary>
    private bool _hung;

    internal PrintingPage(ChromiumBrowser browser, CancellationToken cancellationToken)
    {
        _browser = browser;
        _opening = OpenAsync(cancellationToken);
        // A page handed back as hung is not waited for; whatever its opening ends in is seen here, not left unobserved.
        _ = _opening.ContinueWith(static opened => _ = opened.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Every step has its own limit; this one also covers those that have none (opening and closing the page), so that
    /// a browser that stops answering fails the print instead of holding a worker for ever.
    /// </summary>
    private TimeSpan Limit => TimeSpan.FromSeconds(_browser.Options.PrintTimeoutSeconds * 2 + 10);

    private async Task<(BrowserLease, IPage)> OpenAsync(CancellationToken cancellationToken)
    {
        var lease = await _browser.LeaseAsync(cancellationToken: cancellationToken);
        Volatile.Write(ref _lease, lease);
        IPage? page = null;
        try
        {
            page = await lease.Browser.NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) => await AnswerAsync(e.Request);
            return (lease, page);
        }
        catch
        {
            if (page is not null) await CloseAsync(page);
            await lease.DisposeAsync();
            throw;
        }
    }

    private async Task AnswerAsync(IRequest request)
    {
        if (request.Url == DocumentUrl && request.IsNavigationRequest)
        {
            await request.RespondAsync(new ResponseData
            {
                Status = System.Net.HttpStatusCode.OK, ContentType = "text/html; charset=utf-8", BodyData = _document,
            });
            return;
        }
        if (request.Url.StartsWith("data:", StringComparison.Ordinal))
        {
            await request.ContinueAsync();
            return;
        }
        // The browser asks for the internal address's favicon by itself; anything else was asked for by the document.
        if (request.Url != FaviconUrl) lock (_blocked) _blocked.Add(request.Url.Length > 200 ? request.Url[..200] + "…" : request.Url);
        await request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
    }

    public async Task<PrintedPdf> PrintAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _printed, 1) == 1) throw new InvalidOperationException("a page prints once");
        _document = Encoding.UTF8.GetBytes(job.Html);
        var limit = Limit;
        try
        {
            return await PrintOrSayWhyAsync(job, cancellationToken).WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The browser that hung is killed once its other prints end, and the next print starts a fresh one.
            _hung = true;
            throw new PrintFailedException($"Chromium did not answer within {limit.TotalSeconds:F0} s; the browser is restarted.", timedOut: true);
        }
        catch (PrintFailedException ex) when (ex.TimedOut)
        {
            _hung = true;
            throw;
        }
    }

    private async Task<PrintedPdf> PrintOrSayWhyAsync(PrintJob job, CancellationToken cancellationToken)
    {
        var timeout = _browser.Options.PrintTimeoutSeconds * 1000;
        try
        {
            return await PrintOnPageAsync(job, timeout, cancellationToken);
        }
        catch (Exception ex) when ((ex is PuppeteerException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            // The browser's message may quote the document; say what failed and how big the document was, nothing more.
            var timedOut = ex is TimeoutException || ex.InnerException is TimeoutException;
            var crashed = ex is TargetClosedException;
            throw new PrintFailedException($"Chromium could not print the {_document.Length / 1048576.0:F1} MB report ({ex.GetType().Name}" +
                $"{(timedOut ? $", within {timeout / 1000} s; the browser is restarted" : crashed ? ": its page crashed" : "")}).", timedOut);
        }
    }

    private async Task<PrintedPdf> PrintOnPageAsync(PrintJob job, int timeout, CancellationToken cancellationToken)
    {
        var (_, page) = await _opening;
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
        lock (_blocked) return new PrintedPdf(pdf, _blocked.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        if (!_hung)
        {
            try
            {
                var (lease, page) = await _opening.WaitAsync(Limit);
                await CloseAsync(page);
                await lease.DisposeAsync();
                return;
            }
            catch (TimeoutException)
            {
                // Chromium never gave the page: the browser is not trusted again.
                _hung = true;
            }
            catch (Exception) when (_opening.IsFaulted || _opening.IsCanceled)
            {
                // Opening failed and released what it had; a print on the page has said why already, and a page never
                // printed on (the report failed first) has nothing to say.
                return;
            }
        }
        // A browser that stopped answering is handed back at once as hung (it is killed once its other prints end),
        // without waiting for a page it may never give.
        if (Volatile.Read(ref _lease) is { } taken)
        {
            taken.Hung = true;
            await taken.DisposeAsync();
        }
        else _ = _opening.ContinueWith(opened =>
        {
            if (!opened.IsCompletedSuccessfully) return;
            opened.Result.Lease.Hung = true;
            _ = opened.Result.Lease.DisposeAsync().AsTask();
        }, TaskScheduler.Default);
    }

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
}
