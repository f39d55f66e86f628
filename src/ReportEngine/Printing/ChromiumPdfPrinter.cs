namespace ReportEngine.Printing;

/// <summary>
/// Prints HTML to a tagged A4 PDF with bookmarks in the warm browser, each print on a <see cref="PrintingPage"/> of its
/// own: taken at once and printed on (<see cref="PrintAsync"/>), or taken ahead while the caller does other work.
/// </summary>
public sealed class ChromiumPdfPrinter(ChromiumBrowser browser)
{
    /// <summary>
    /// A page for one print, taken from those kept warm or opened from now on; disposing it hands it back (kept warm
    /// for the next print unless its print failed).
    /// </summary>
    public PrintingPage OpenPage(CancellationToken cancellationToken = default) => new(browser, cancellationToken);

    public async Task<PrintedPdf> PrintAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        await using var page = OpenPage(cancellationToken);
        return await page.PrintAsync(job, cancellationToken);
    }
}

/// <summary>A print that failed or timed out; its message never quotes the document. Retried by jobs (a browser may recover).</summary>
public sealed class PrintFailedException(string message, bool timedOut = false) : Exception(message)
{
    /// <summary>The browser did not answer in time: it is not trusted with another print.</summary>
    public bool TimedOut { get; } = timedOut;
}
