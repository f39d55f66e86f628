using System.Diagnostics;
using ReportEngine.Archive;
using ReportEngine.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace ReportEngine.Tests.Archive;

/// <summary>
/// The issued PDF carries its archive id and snapshot hash in its document information. A print (a classic
/// cross-reference table, as Chromium writes) is stamped by an incremental update that leaves every printed byte as it
/// was; a PDF with a cross-reference stream is rewritten by qpdf, and says the same.
/// </summary>
public sealed class PdfStampTests
{
    private const string Id = "NDC-2024-01-monthly-20240201T060000Z-0a1b";
    private const string Snapshot = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

    private static byte[] Printed()
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Monthly pack";
        builder.DocumentInformation.Author = "Northdale Council";
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("Monthly pack", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 720), font);
        return builder.Build();
    }

    [Fact]
    public async Task A_print_is_stamped_by_an_update_appended_to_its_printed_bytes()
    {
        var printed = Printed();
        var issued = await PdfArchival.StampAsync(printed, Id, Snapshot);
        Assert.Equal(printed, issued[..printed.Length]);
        AssertStamped(issued);
        Assert.Equal("Northdale Council", Information(issued, "Author"));
    }

    [Fact]
    public async Task A_pdf_with_a_cross_reference_stream_is_rewritten_with_the_same_stamp()
    {
        var streamed = WithCrossReferenceStream(Printed());
        var issued = await PdfArchival.StampAsync(streamed, Id, Snapshot);
        Assert.NotEqual(streamed, issued[..Math.Min(streamed.Length, issued.Length)]);
        AssertStamped(issued);
        Assert.Equal("Northdale Council", Information(issued, "Author"));
    }

    private static void AssertStamped(byte[] issued)
    {
        Assert.Contains("No syntax or stream encoding errors found", PdfTools.Run("qpdf", issued, "--check"));
        var info = PdfTools.Run("pdfinfo", issued);
        Assert.Contains($"Subject:         Inspection-readiness archive entry {Id}", info);
        Assert.Contains($"Keywords:        archive-id={Id}; snapshot-sha256={Snapshot}", info);
        Assert.Contains("Title:           Monthly pack", info);
        Assert.Equal(Id, Information(issued, PdfArchival.ArchiveIdKey[1..]));
        Assert.Equal(Snapshot, Information(issued, PdfArchival.SnapshotKey[1..]));
    }

    private static string? Information(byte[] pdf, string key)
    {
        using var document = PdfDocument.Open(pdf);
        return document.Information.DocumentInformationDictionary?.Data.GetValueOrDefault(key) switch
        {
            StringToken text => text.Data,
            HexToken hex => hex.Data,
            _ => null,
        };
    }

    private static byte[] WithCrossReferenceStream(byte[] pdf)
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("in.pdf"), pdf);
        using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--object-streams=generate", folder.File("in.pdf"), folder.File("out.pdf")]))!;
        qpdf.WaitForExit();
        Assert.Equal(0, qpdf.ExitCode);
        var streamed = File.ReadAllBytes(folder.File("out.pdf"));
        Assert.Contains("/XRef", System.Text.Encoding.Latin1.GetString(streamed));
        return streamed;
    }
}
