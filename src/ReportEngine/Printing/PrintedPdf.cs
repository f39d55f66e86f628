namespace ReportEngine.Printing;

/// <param name="BlockedRequests">URLs the document tried to load and were refused (anything but <c>data:</c>).</param>
public sealed record PrintedPdf(byte[] Pdf, IReadOnlyList<string> BlockedRequests);
