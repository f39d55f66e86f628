using System.Text.Json;
using System.Text.Json.Serialization;
using ReportEngine.Rendering;
using ReportEngine.Tests.Support;
using UglyToad.PdfPig;

namespace ReportEngine.Tests.Rendering;

[Collection(RenderingCollection.Name)]
public class SamplePackTests(SamplePackFixture fixture)
{
    [Fact]
    public void The_pack_is_at_least_twelve_a4_pages_with_page_x_of_y()
    {
        using var pdf = PdfDocument.Open(fixture.Pack.Pdf);
        Assert.True(pdf.NumberOfPages >= 12, $"{pdf.NumberOfPages} pages");
        Assert.Equal(pdf.NumberOfPages, fixture.Pack.Pages);
        Assert.All(pdf.GetPages(), p => Assert.Equal((596, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        for (var i = 0; i < fixture.PageTexts.Count; i++)
            Assert.Contains($"Page {i + 1} of {pdf.NumberOfPages}", fixture.PageTexts[i]);
        Assert.All(fixture.PageTexts, t => Assert.Contains("Northdale County Council · Inspection-readiness pack · January 2024", t));
        Assert.All(fixture.PageTexts, t => Assert.Contains("OFFICIAL-SENSITIVE", t));
    }

    [Fact]
    public void The_complaints_section_opens_with_the_sentence_metrics_md_gives()
    {
        // The section's heading, not "How we compare"'s group of the same name.
        var page = Assert.Single(fixture.PageTexts, t => t.Contains("Complaints and learning from feedback\n", StringComparison.Ordinal) && !t.Contains("Contents")
            && !t.Contains("How we compare", StringComparison.Ordinal));
        Assert.Contains("There were 118 complaints received between February 2023 and January 2024.", page);
    }

    /// <summary>benchmarks.md: every tile and table row of a benchmarked figure shows England's figure and period, and the quarter in words, once.</summary>
    [Fact]
    public void Each_benchmarked_tile_and_table_row_shows_englands_figure_its_period_and_its_quarter_once()
    {
        var html = fixture.Pack.FinalPrint.Html;
        int Count(string line) => html.Split(line).Length - 1;
        // Complaints answered by the agreed date: its tile and its row under Timeliness.
        Assert.Equal(2, Count("England 74.1%, 2022-23; second quarter of councils"));
        // Median days waited for a Care Act assessment: its cell in the waits table (the tile is of the people waiting).
        Assert.Equal(1, Count("England 41, 2022-23; third quarter of councils"));
        // The uphold rate has no better direction (metrics.md), so no quarter: England's figure alone, on its tile.
        Assert.Equal(1, Count("England 49.8%, 2022-23<"));
        var view = (ReportEngine.Composition.Monthly.MonthlyPackViewModel)fixture.Pack.ViewModel;
        Assert.Equal(9, view.Comparisons.England.Count);
        Assert.All(view.Comparisons.England.Values, line => Assert.Contains((string)line, html));
        // The lines wrap inside their cells: a table pushed wider than the page makes Chromium shrink the page's content
        // to fit, and the 10pt body (pack-style.md) prints smaller throughout. The running footer (7.5pt) is printed apart,
        // unshrunk: the body stays 10/7.5 of it.
        using var pdf = PdfDocument.Open(fixture.Pack.Pdf);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        double Commonest(IEnumerable<UglyToad.PdfPig.Content.Letter> some) => some.GroupBy(l => Math.Round(l.PointSize, 2)).MaxBy(g => g.Count())!.Key;
        var footer = Commonest(letters.Where(l => l.Location.Y < 40));
        Assert.Equal(10 / 7.5, Commonest(letters) / footer, 2);
    }

    [Fact]
    public void The_pdf_is_tagged_with_embedded_fonts_and_a_title()
    {
        var info = PdfTools.Run("pdfinfo", fixture.Pack.Pdf);
        Assert.Contains("Tagged:          yes", info);
        Assert.Contains("Title:           Northdale County Council: inspection-readiness pack, January 2024", info);
        Assert.Contains("Page size:       595.92 x 841.92 pts (A4)", info);

        var fonts = PdfTools.Run("pdffonts", fixture.Pack.Pdf).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.Contains(fonts, f => f.Contains("LiberationSans", StringComparison.Ordinal));
        // Columns: name, type, encoding, emb, sub, uni, object, generation; "emb" is the 4th from the end.
        Assert.All(fonts, f => Assert.Equal("yes", f.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Fact]
    public void Bookmarks_and_the_contents_page_agree_on_where_each_section_starts()
    {
        var bookmarks = PrintedPages.Contents(fixture.Pack.Pdf);
        Assert.Equal(
            ["Contents", "Executive summary", "How we compare", "Quality statement scorecard", "Evidence coverage", "Assessing needs: waits and reviews",
             "Safeguarding and DoLS", "Learning, improvement and innovation",
             "Complaints and learning from feedback", "Workforce learning and development", "Improvement actions",
             "Everything that needs attention", "Appendix: how the figures are defined", "Appendix: provenance"],
            bookmarks.Select(b => b.Title));
        // One print: the contents page's numbers were written into it from its own bookmarks.
        Assert.Equal(1, fixture.Pack.PrintPasses);
        var contents = fixture.PageTexts[1];
        foreach (var b in bookmarks.Skip(1))
        {
            Assert.Contains(b.Title, fixture.PageTexts[b.Page - 1]);
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(b.Title)}\s+{b.Page}\b", contents);
        }
    }

    /// <summary>
    /// coverage.md: each item of "What needs attention" gives the page its figure is printed on (its table row or target,
    /// not its section's first page), linked to it, and the list prints eight items and says where the rest are.
    /// </summary>
    [Fact]
    public void Each_attention_item_gives_and_links_the_page_its_figure_is_printed_on()
    {
        var view = (ReportEngine.Composition.Monthly.MonthlyPackViewModel)fixture.Pack.ViewModel;
        var printed = PrintedPages.Read(fixture.Pack.Pdf);
        Assert.Equal(8, view.Attention.Printed.Count);
        Assert.All(view.Attention.All, item =>
        {
            Assert.NotNull(item.Place);
            Assert.Equal(printed.Place(item.Place!), item.Page);
        });
        var summary = fixture.PageTexts[2];
        Assert.All(view.Attention.Printed, item => Assert.Contains($"See page {item.Page}.", summary));
        Assert.Contains($"{view.Attention.More} more items are listed on page {printed.Section("Everything that needs attention")}.", summary.Replace("\n", " "));
        // The figures themselves are where the pages say: the DoLS backlog's table, the reviews' paragraph.
        Assert.Contains("The oldest of them, days since received", fixture.PageTexts[printed.Place("dols.longest_wait_days")!.Value - 1]);
        Assert.Contains("not reviewed in that time", fixture.PageTexts[printed.Place("reviews.overdue")!.Value - 1]);
    }

    [Fact]
    public void The_document_is_complete_to_its_last_table()
    {
        Assert.EndsWith("</html>\n", fixture.Pack.FinalPrint.Html);
        Assert.Contains("Rows read from each file of the dataset", fixture.PageTexts[^1]);
        Assert.Matches(@"training\.csv\s+1,528", fixture.PageTexts[^1]);
    }

    private string TemplateVersion => fixture.Renderer().Templates.Version;

    [Fact]
    public void Snapshot_of_the_view_model()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
        Snapshot.MatchReport(JsonSerializer.Serialize(fixture.Pack.ViewModel, fixture.Pack.ViewModel.GetType(), options), "sample-2024-01.viewmodel", "json", TemplateVersion);
    }

    [Fact]
    public void Snapshot_of_the_html() => Snapshot.MatchReport(fixture.Pack.FinalPrint.Html, "sample-2024-01", "html", TemplateVersion);

    [Fact]
    public void Snapshot_of_the_pdf_text_per_page() =>
        Snapshot.MatchReport(string.Join("\n", fixture.PageTexts.Select((t, i) => $"===== page {i + 1} =====\n{t}")), "sample-2024-01.pdf-text", "txt", TemplateVersion);

    [Fact]
    public void Snapshot_of_metrics_json() =>
        Snapshot.Match(System.Text.Encoding.UTF8.GetString(fixture.Pack.MetricsJson), "sample-2024-01.metrics", "json");
}
