using CliWrap.Buffered;
using ReportEngine.Printing;
using ReportEngine.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportEngine.Tests.Printing;

/// <summary>
/// Page numbers written into a print where placeholders stand draw exactly what a print of the numbers would: every
/// glyph of the page at the same place, in a column aligned right and inside a sentence; the PDF stays valid. What cannot
/// be written safely is refused, with the reason, and nothing is changed.
/// </summary>
[Collection(RenderingCollection.Name)]
public sealed class PageNumberPatchTests(SamplePackFixture fixture)
{
    private const string P = PageNumberPatch.Placeholder;

    /// <summary>A contents-like column (each number alone, aligned right) and sentences that go on after their number.</summary>
    private static string Page(params string[] numbers) => $$"""
        <!doctype html><html lang="en"><head><style>
        html { font-family: "Liberation Sans"; font-size: 11pt; }
        li { display: flex; } .entry { flex: 1; } .page { width: 20mm; text-align: right; font-variant-numeric: tabular-nums; }
        </style></head><body>
        <h1>Figures</h1><p>Every digit: 0123456789.</p>
        <ol><li><span class="entry">First section</span><span class="page">{{numbers[0]}}</span></li>
        <li><span class="entry">Second section</span><span class="page">{{numbers[1]}}</span></li></ol>
        <p>The waits are explained on page {{numbers[2]}}, and the reviews (page {{numbers[3]}}) after them.</p>
        <p><span style="color: #505a5f">See page {{numbers[4]}}.</span></p>
        </body></html>
        """;

    private async Task<byte[]> PrintAsync(string html) =>
        (await new ChromiumPdfPrinter(fixture.Browser).PrintAsync(new PrintJob(html, "<span></span>", "<span></span>"))).Pdf;

    private static IReadOnlyList<(string Text, double X, double Y)> Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => (l.Value, l.StartBaseLine.X, l.StartBaseLine.Y)).ToList();
    }

    [Theory]
    [InlineData(3, 12, 7, 105, 9)]
    [InlineData(999, 1, 10, 4, 88)]
    public async Task Numbers_written_into_the_print_are_drawn_where_a_print_of_them_draws_them(int a, int b, int c, int d, int e)
    {
        int[] numbers = [a, b, c, d, e];
        var placeholders = await PrintAsync(Page(P, P, P, P, P));
        var patched = PageNumberPatch.Apply(placeholders, numbers);
        Assert.Null(patched.WhyNot);

        var printed = await PrintAsync(Page(numbers.Select(n => n.ToString()).ToArray()));
        // Within a twentieth of a point: the print places glyphs to Skia's rounding, the patch moves by whole widths.
        var expected = Letters(printed);
        var actual = Letters(patched.Pdf!);
        Assert.Equal(expected.Select(l => l.Text), actual.Select(l => l.Text));
        Assert.All(expected.Zip(actual), pair =>
            Assert.True(Math.Abs(pair.First.X - pair.Second.X) < 0.05 && Math.Abs(pair.First.Y - pair.Second.Y) < 0.05, $"{pair.First} drawn at {pair.Second}"));
        var text = PdfText.PerPage(patched.Pdf!)[0];
        Assert.Contains($"explained on page {c}, and the reviews (page {d}) after", text);
        Assert.Contains($"See page {e}.", text);

        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "patched.pdf");
        await File.WriteAllBytesAsync(file, patched.Pdf!);
        var check = await CliWrap.Cli.Wrap("qpdf").WithArguments(["--check", file])
            .WithValidation(CliWrap.CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(check.ExitCode == 0, check.StandardOutput + check.StandardError);
        Assert.Contains("No syntax or stream encoding errors", check.StandardOutput);
    }

    [Fact]
    public async Task A_print_without_placeholders_is_given_back_as_it_is()
    {
        var pdf = await PrintAsync(Page("1", "2", "3", "4", "5"));
        Assert.Same(pdf, PageNumberPatch.Apply(pdf, []).Pdf);
    }

    [Fact]
    public async Task Placeholders_counted_differently_from_the_numbers_are_refused()
    {
        var pdf = await PrintAsync(Page(P, P, P, P, P));
        var refused = PageNumberPatch.Apply(pdf, [1, 2, 3, 4]);
        Assert.Null(refused.Pdf);
        Assert.Equal("5 page number placeholders were printed, 4 were expected", refused.WhyNot);
    }

    [Fact]
    public async Task A_number_wider_than_the_placeholder_is_refused() =>
        Assert.Contains("out of the placeholder's three digits (1000)", PageNumberPatch.Apply(await PrintAsync(Page(P, P, P, P, P)), [1, 2, 3, 4, 1000]).WhyNot);

    [Fact]
    public async Task Figure_spaces_that_are_not_a_placeholder_are_refused()
    {
        var pdf = await PrintAsync(Page(P, P, P, P, P + "\u2007"));
        Assert.Equal("page 1 has figure spaces that are not a placeholder", PageNumberPatch.Apply(pdf, [1, 2, 3, 4, 5]).WhyNot);
    }

    [Fact]
    public async Task A_digit_the_font_subset_does_not_carry_is_refused()
    {
        // Nothing else on this page draws a 7 in Liberation Sans, so the embedded subset has no glyph for it.
        var pdf = await PrintAsync($"""<html><body style="font-family: 'Liberation Sans'"><p>Page {P} of the report.</p></body></html>""");
        var refused = PageNumberPatch.Apply(pdf, [7]);
        Assert.Null(refused.Pdf);
        Assert.StartsWith("the embedded font cannot draw the digit 7", refused.WhyNot);
    }
}
