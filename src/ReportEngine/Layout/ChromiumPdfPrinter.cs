using System.Text;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ReportEngine.Layout;

/// <summary>
/// Prints HTML to a tagged A4 PDF with bookmarks in the warm browser. JavaScript is off and every request other
/// than <c>data:</c> is aborted, so nothing in a pack can fetch a file or reach the network.
/// </summary>
public sealed class ChromiumPdfPrinter(ChromiumBrowser browser)
{
    public async Task<PrintedPdf> PrintAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        var timeout = browser.Options.PrintTimeoutSeconds * 1000;
        var chromium = await browser.GetAsync(cancellationToken);
        await using var page = await chromium.NewPageAsync();
        var blocked = new List<string>();
        await page.SetJavaScriptEnabledAsync(false);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await e.Request.ContinueAsync();
                return;
            }
            lock (blocked) blocked.Add(e.Request.Url);
            await e.Request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
        };
        // With JavaScript off, SetContentAsync (document.write from script) cannot fill the page; a data: URL navigation
        // needs no script and fires the load event once every (data:) resource is in.
        var url = "data:text/html;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(job.Html));
        await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = timeout });
        cancellationToken.ThrowIfCancellationRequested();
        var pdf = await page.PdfDataAsync(new PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = job.HeaderHtml,
            FooterTemplate = job.FooterHtml,
            MarginOptions = new MarginOptions { Top = "24mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
            Tagged = true,
            Outline = true,
            Timeout = timeout,
        });
        lock (blocked) return new PrintedPdf(pdf, blocked.ToArray());
    }
}
