using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ReportEngine.Printing;

/// <summary>The text of a printed PDF, page by page, in content order: what a reader sees, for comparing packs.</summary>
public static class PdfText
{
    public static IReadOnlyList<string> PerPage(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)).ToList();
    }
}
