using System.Text;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ReportEngine.Printing;

/// <summary>
/// One print's page in the warm browser. A report takes its page as it starts (a page kept warm from an earlier print,
/// or a new one Chromium makes while the figures are computed and the templates written); the print then only loads
/// and prints. JavaScript is off; the document is handed over as the answer to an intercepted request for an internal
/// address (no <c>data:</c> URL, whose 2 MB cap large reports exceed), and every other request except <c>data:</c>
/// images is aborted, so nothing in a report can fetch a file or reach the network (<see cref="WarmPage"/>). Failures
/// never carry the document's content: it may hold people's names. One print per <see cref="PrintingPage"/>; disposing
/// it keeps the page warm for the next print, or closes it if its print failed.
/// </summary>
public sealed class PrintingPage : IAsyncDisposable
{
    private readonly ChromiumBrowser _browser;
    private readonly Task<(BrowserLease Lease, WarmPage Page)> _opening;

    /// <summary>The browser's lease from the moment it is taken, so that a page that never opens still hands it back.</summary>
    private BrowserLease? _lease;
    private int _printed;
    private int _closed;

    /// <summary>The print did not finish in time: the page's browser is not used again.</summary>
    private bool _hung;

    /// <summary>The page's print started and did not end in a PDF: what the page holds now is unknown, so it is closed.</summary>
    private volatile bool _spoilt;

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

    private async Task<(BrowserLease, WarmPage)> OpenAsync(CancellationToken cancellationToken)
    {
        var lease = await _browser.LeaseAsync(cancellationToken: cancellationToken);
        Volatile.Write(ref _lease, lease);
        try
        {
            return (lease, lease.TakeWarmPage() ?? await WarmPage.OpenAsync(lease.Browser));
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    public async Task<PrintedPdf> PrintAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _printed, 1) == 1) throw new InvalidOperationException("a page prints once");
        _spoilt = true;
        var limit = Limit;
        try
        {
            var printed = await PrintOrSayWhyAsync(job, cancellationToken).WaitAsync(limit, cancellationToken);
            _spoilt = false;
            return printed;
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
        string Failed(string what, string why) =>
            $"Chromium could not print the {Encoding.UTF8.GetByteCount(job.Html) / 1048576.0:F1} MB report ({what}{why}).";
        try
        {
            var (_, warm) = await _opening;
            var printing = PrintOnPageAsync(warm, job, timeout, cancellationToken);
            // A renderer that dies mid-print may leave DevTools' call unanswered: the crash fails the print at once.
            if (await Task.WhenAny(printing, warm.Crashed) == printing) return await printing;
            _ = printing.ContinueWith(static unanswered => _ = unanswered.Exception, TaskScheduler.Default);
            throw new PrintFailedException(Failed("its renderer ended", ": its page crashed"));
        }
        catch (Exception ex) when ((ex is PuppeteerException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            // The browser's message may quote the document; say what failed and how big the document was, nothing more.
            var timedOut = ex is TimeoutException || ex.InnerException is TimeoutException;
            var crashed = ex is TargetClosedException;
            throw new PrintFailedException(Failed(ex.GetType().Name,
                timedOut ? $", within {timeout / 1000} s; the browser is restarted" : crashed ? ": its page crashed" : ""), timedOut);
        }
    }

    private static async Task<PrintedPdf> PrintOnPageAsync(WarmPage warm, PrintJob job, int timeout, CancellationToken cancellationToken)
    {
        warm.Hold(Encoding.UTF8.GetBytes(job.Html));
        var page = warm.Page;
        // With JavaScript off, SetContentAsync (document.write from script) cannot fill the page: the page navigates to
        // the internal address instead, and the load event fires once every (data:) resource is in.
        await page.GoToAsync(WarmPage.DocumentUrl, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = timeout });
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
        return new PrintedPdf(pdf, warm.Finish());
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        if (!_hung)
        {
            try
            {
                var (lease, page) = await _opening.WaitAsync(Limit);
                // A print that failed or was cancelled part-way leaves a page in a state nobody knows: it is closed.
                if (_spoilt || !page.Usable) await page.CloseAsync();
                else lease.KeepWarm(page);
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
}
