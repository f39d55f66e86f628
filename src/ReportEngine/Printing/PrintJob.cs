namespace ReportEngine.Printing;

/// <summary>A whole HTML document to print as A4, with Chromium's running header and footer templates.</summary>
/// <param name="PageNumbersOnly">
/// A print read for nothing but where each bookmark falls (the first pass, for the contents page): printed without
/// running header and footer, backgrounds or tags, none of which moves a page break, since the margins stay the same.
/// </param>
public sealed record PrintJob(string Html, string HeaderHtml, string FooterHtml, bool PageNumbersOnly = false)
{
    public PrintJob ForPageNumbers() => this with { PageNumbersOnly = true };
}
