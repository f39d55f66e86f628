namespace ReportEngine.Layout;

/// <summary>A whole HTML document to print as A4, with Chromium's running header and footer templates.</summary>
public sealed record PrintJob(string Html, string HeaderHtml, string FooterHtml);

/// <param name="BlockedRequests">URLs the document tried to load and were refused (anything but <c>data:</c>).</param>
public sealed record PrintedPdf(byte[] Pdf, IReadOnlyList<string> BlockedRequests);
