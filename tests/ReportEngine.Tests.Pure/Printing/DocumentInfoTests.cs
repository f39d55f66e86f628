using System.Text;
using ReportEngine.Printing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace ReportEngine.Tests.Printing;

/// <summary>Issue 22: the PDF's document information names the authority as its author and ReportEngine as its creator, whatever the name holds.</summary>
public sealed class DocumentInfoTests
{
    private static byte[] Pdf()
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "A pack (with brackets) \\ and a backslash";
        builder.DocumentInformation.Creator = "Mozilla/5.0 HeadlessChrome";
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }

    [Fact]
    public void The_author_and_creator_are_set_and_every_other_entry_kept()
    {
        var original = Pdf();
        var updated = IncrementalUpdate.SetDocumentInfo(original, new Dictionary<string, string>
        {
            ["/Author"] = "Ynys Môn — Isle of Anglesey County Council (“Cyngor Sir”)",
            ["/Creator"] = "ReportEngine 1.2.3",
        });
        Assert.NotNull(updated);
        // An incremental update: the original bytes stand unchanged at the start.
        Assert.Equal(original, updated[..original.Length]);
        using var document = PdfDocument.Open(updated);
        Assert.Equal("Ynys Môn — Isle of Anglesey County Council (“Cyngor Sir”)", document.Information.Author);
        Assert.Equal("ReportEngine 1.2.3", document.Information.Creator);
        Assert.Equal("A pack (with brackets) \\ and a backslash", document.Information.Title);
        Assert.Equal(1, document.NumberOfPages);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_with_a_classic_cross_reference_table_is_left_alone()
    {
        Assert.Null(IncrementalUpdate.SetDocumentInfo(Encoding.ASCII.GetBytes("%PDF-1.7\nnot really\n%%EOF\n"), new Dictionary<string, string> { ["/Author"] = "x" }));
    }
}
