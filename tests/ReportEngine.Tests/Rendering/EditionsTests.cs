using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PuppeteerSharp;
using ReportEngine.Editions;
using ReportEngine.Evidence;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Web;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportEngine.Tests.Rendering;

/// <summary>
/// The HTML, Excel and Word editions of every kind, made from the sample's reports as issued: each read back (the page's
/// text in a browser, the workbook and the document through the Open XML SDK) holds every figure the PDF prints, with
/// the same value; the workbook and the document pass the SDK's validator; the page passes axe-core at 1280 and 320
/// pixels and never scrolls sideways; and a report rendered twice gives the same editions byte for byte.
/// </summary>
[Collection(EditionsCollection.Name)]
public sealed partial class EditionsTests(SamplePackFixture fixture)
{
    public static TheoryData<string, string, string?> Reports => new()
    {
        { "monthly", "2024-01", null },
        { "complaints-annual", "2023-24", null },
        { "quality-statement", "2024-01", "LEARNING" },
        { "quality-statement", "2024-01", "ASSESSING_NEEDS" },
    };

    private async Task<(RenderedReport Pack, IReadOnlyDictionary<EditionFormat, byte[]> Editions)> EditionsAsync(string kind, string period, string? statement)
    {
        var reportKind = ReportKinds.Standard.Find(kind)!;
        var pack = await fixture.RenderAsync(Repo.Sample, reportKind, period,
            statement is null ? null : CodeNames<QualityStatement>.TryParse(statement, out var qs) ? qs : throw new ArgumentException(statement));
        var editions = ReportEditions.Make(pack, fixture.Renderers().For(reportKind), EditionFormat.All).ToDictionary(e => e.Format, e => e.Bytes);
        return (pack, editions);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Every_edition_holds_every_figure_the_pdf_prints_and_opens_without_repair(string kind, string period, string? statement)
    {
        var (pack, editions) = await EditionsAsync(kind, period, statement);
        Assert.Equal([EditionFormat.Html, EditionFormat.Xlsx, EditionFormat.Docx], editions.Keys.ToArray());
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(editions[EditionFormat.Html]));
        var headings = page.QuerySelectorAll("h1").Select(HtmlEdition.Text).ToList();
        var printed = PrintedFigures(PdfText.PerPage(pack.Pdf), headings);
        Assert.True(printed.Count > 20, $"only {printed.Count} figures read from the PDF");

        // Each text of the page apart, as a reader meets them (a table's cells are not one word).
        var html = Figures(string.Join(" ", page.Body!.Descendants<IText>().Select(t => t.Data)));
        var notInPage = printed.Except(html).Order().ToList();
        Assert.True(notInPage.Count == 0, string.Join("\n", notInPage.Select(f => $"{f}: {string.Join(" | ", PdfText.PerPage(pack.Pdf).SelectMany(p => p.Split('\n')).Where(l => Figures(l).Contains(f)).Take(8))}")));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
        Assert.All(page.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row", "colgroup", "rowgroup" }));
        // The contents list links every section.
        Assert.All(page.QuerySelectorAll("ol.contents a"), a => Assert.NotNull(page.GetElementById(a.GetAttribute("href")![1..])));
        Assert.Equal(2, page.QuerySelectorAll(".marking").Length);

        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(editions[EditionFormat.Xlsx]), false))
        {
            Assert.True(Problems(workbook) is { Count: 0 }, string.Join("\n", Problems(workbook)));
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet.Sheet>().Select(s => s.Name!.Value!).ToList();
            Assert.Equal("Figures", sheets[0]);
            var cells = CellsOf(workbook);
            // Every figure of metrics.json, exactly; every printed figure among the workbook's values.
            using var metrics = System.Text.Json.JsonDocument.Parse(pack.MetricsJson);
            foreach (var metric in metrics.RootElement.GetProperty("metrics").EnumerateObject())
            {
                Assert.Contains(metric.Name, cells["Figures"].Texts);
                if (metric.Value.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Number)
                    Assert.Contains(metric.Value.GetProperty("value").GetDouble(), cells["Figures"].Numbers);
            }
            // benchmarks.md: England's figure, its period and the figure's quarter (1 the best) beside it on the Figures sheet.
            if (kind == "monthly") Assert.Equal(["85.9", "2022-23", "4"], FiguresRow(workbook, "training.compliance_pct")[^3..]);
            var sectionValues = cells.Where(c => c.Key != "Figures" && c.Key != "Trends").SelectMany(c => c.Value.Shown).ToHashSet();
            foreach (var (table, _, _) in HtmlEdition.NamedTables(page))
                foreach (var text in TableGrid.Read(table).Body.SelectMany(r => r).Where(t => t.Length > 0))
                    Assert.True(sectionValues.Contains(Shown(text)), $"'{text}' of a table is not in the workbook's section sheets");
        }

        using (var document = WordprocessingDocument.Open(new MemoryStream(editions[EditionFormat.Docx]), false))
        {
            Assert.True(Problems(document) is { Count: 0 }, string.Join("\n", Problems(document)));
            var body = document.MainDocumentPart!.Document.Body!;
            var words = string.Join("\n", body.Descendants<Word.Paragraph>().Select(p => p.InnerText));
            // The page's figures but its charts' drawn labels (axis ticks, the values the chart's table gives).
            var pageFigures = Figures(string.Join(" ", page.Body!.Descendants<IText>().Where(t => t.ParentElement?.Closest("svg") is null).Select(t => t.Data)));
            Assert.Empty(pageFigures.Except(Figures(words)).Order());
            var styled = body.Descendants<Word.ParagraphStyleId>().Select(s => s.Val!.Value).ToList();
            Assert.Equal(headings.Count, styled.Count(s => s == "Heading1"));
            Assert.NotEmpty(body.Descendants<Word.Table>());
            // Each chart a picture: its SVG, standing alone (well-formed, its styles inside), described by its text alternative.
            var charts = page.QuerySelectorAll(".figure > svg").Select(svg => svg.GetAttribute("aria-label")).ToList();
            var drawn = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Description?.Value).ToList();
            Assert.Equal(charts, drawn);
            foreach (var part in document.MainDocumentPart.ImageParts.Where(p => p.ContentType == "image/svg+xml"))
            {
                var svg = System.Xml.Linq.XDocument.Load(part.GetStream());
                Assert.Equal("{http://www.w3.org/2000/svg}svg", svg.Root!.Name.ToString());
                Assert.Contains(".series-0", svg.Root.Element("{http://www.w3.org/2000/svg}style")?.Value + string.Concat(svg.Root.Elements().Take(1).Select(e => e.Value)));
            }
            Assert.Equal(pack.Context.Gathered.Evidence.Authority.Name, document.PackageProperties.Creator);
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task The_html_edition_passes_axe_at_1280_and_320_pixels_and_never_scrolls_sideways(string kind, string period, string? statement)
    {
        var (_, editions) = await EditionsAsync(kind, period, statement);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "edition.html");
        await File.WriteAllBytesAsync(file, editions[EditionFormat.Html]);
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        var found = new List<string>();
        foreach (var width in new[] { 1280, 320 })
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = 900 });
            await page.GoToAsync(new Uri(file).AbsoluteUri);
            found.AddRange((await DashboardBrowser.SeriousViolationsAsync(page)).Select(v => $"{width}px: {v}"));
            var wider = await page.EvaluateExpressionAsync<string[]>(
                $"[...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > {width + 1}).slice(0, 5).map(e => e.outerHTML.slice(0, 120))");
            Assert.True(await page.EvaluateExpressionAsync<bool>($"document.documentElement.scrollWidth <= {width}"), $"{kind} at {width}px scrolls sideways: {string.Join("\n", wider)}");
            if (kind == "monthly") await ScreenshotAsync(page, width);
        }
        if (kind == "monthly") await FiguresSheetPictureAsync(page, editions[EditionFormat.Xlsx]);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task A_report_rendered_twice_gives_the_same_editions_byte_for_byte()
    {
        var (_, first) = await EditionsAsync("monthly", "2024-01", null);
        var (_, second) = await EditionsAsync("monthly", "2024-01", null);
        foreach (var format in first.Keys.Where(f => !first[f].AsSpan().SequenceEqual(second[f])))
        {
            File.WriteAllBytes($"/tmp/first.{format}", first[format]);
            File.WriteAllBytes($"/tmp/second.{format}", second[format]);
        }
        foreach (var format in first.Keys) Assert.True(first[format].AsSpan().SequenceEqual(second[format]), $"the {format} edition differs");
    }

    /// <summary>The figures a text prints: counts, decimals and percentages, as printed.</summary>
    private static HashSet<string> Figures(string text) => FigurePattern().Matches(text).Select(m => m.Value).ToHashSet();

    /// <summary>
    /// The figures the PDF prints in its pages' bodies: not its running header and footer, nor the page numbers the
    /// contents list and "see page" references give, which the other editions give as links.
    /// </summary>
    private static HashSet<string> PrintedFigures(IReadOnlyList<string> pages, IReadOnlyList<string> headings)
    {
        var titles = headings.Select(Squeezed).ToHashSet();
        // A "see page N" reference may wrap between its words: taken out of the page's whole text, before its lines.
        var lines = pages.SelectMany(p => PageReference().Replace(p, "").Split('\n'))
            .Where(l => !l.StartsWith("Page ", StringComparison.Ordinal) && !l.StartsWith("Generated ", StringComparison.Ordinal))
            .Where(l => !titles.Contains(Squeezed(TrailingNumber().Replace(l, ""))))
            .Select(l => ListNumber().Replace(l, ""));
        return Figures(string.Join("\n", lines));
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?%?(?![\w])")]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@"\s*\d+\s*$")]
    private static partial Regex TrailingNumber();

    /// <summary>An ordered list's number, which the print's text holds and the page's text does not (it is the list's own).</summary>
    [GeneratedRegex(@"^\d+\.\s")]
    private static partial Regex ListNumber();

    /// <summary>"See page 17", "listed on pages 4": not the running footer's "Page 17 of 24".</summary>
    [GeneratedRegex(@"(?i)\bpages?\s+\d+(?!\s+of\s+\d)")]
    private static partial Regex PageReference();

    private static IReadOnlyList<string> Problems(OpenXmlPackage package) =>
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Distinct().Take(5).ToList();

    private sealed record SheetValues(HashSet<string> Texts, HashSet<double> Numbers, HashSet<string> Shown);

    /// <summary>A cell's value as the workbook holds it: text as written, a number to nine significant figures.</summary>
    private static string Shown(string printed) => CellText.Read(printed) is var (kind, value) && kind != CellKind.Text
        ? value.ToString("G9", CultureInfo.InvariantCulture) : printed;

    /// <summary>The Figures sheet's row of <paramref name="key"/>, each cell as stored (a number in full, a text as written).</summary>
    private static string[] FiguresRow(SpreadsheetDocument workbook, string key)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet.Sheet>().First();
        return ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Sheet.Row>()
            .Select(r => r.Elements<Sheet.Cell>().Select(c => c.DataType?.Value == Sheet.CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
            .Single(cells => cells.Length > 0 && cells[0] == key);
    }

    private static Dictionary<string, SheetValues> CellsOf(SpreadsheetDocument workbook)
    {
        var result = new Dictionary<string, SheetValues>(StringComparer.Ordinal);
        foreach (var sheet in workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet.Sheet>())
        {
            var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!.Value!);
            var values = new SheetValues([], [], []);
            foreach (var cell in part.Worksheet.Descendants<Sheet.Cell>())
            {
                if (cell.DataType?.Value == Sheet.CellValues.InlineString)
                {
                    values.Texts.Add(cell.InlineString!.InnerText);
                    values.Shown.Add(cell.InlineString!.InnerText);
                }
                else if (cell.CellValue is { } v)
                {
                    var number = double.Parse(v.Text, CultureInfo.InvariantCulture);
                    values.Numbers.Add(number);
                    values.Shown.Add(number.ToString("G9", CultureInfo.InvariantCulture));
                }
            }
            result[sheet.Name!.Value!] = values;
        }
        return result;
    }

    /// <summary>
    /// A picture of the workbook's Figures sheet for the README when UPDATE_SCREENSHOTS=1: its first rows as the workbook
    /// holds them (read back through the Open XML SDK, each number in its cell's format), laid out as a spreadsheet shows
    /// them, since no spreadsheet program is installed here.
    /// </summary>
    private static async Task FiguresSheetPictureAsync(IPage page, byte[] xlsx)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") != "1") return;
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet.Sheet>().First();
        var rows = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Sheet.Row>().Take(24).ToList();
        static string Shown(Sheet.Cell cell) => cell.DataType?.Value == Sheet.CellValues.InlineString ? cell.InlineString!.InnerText
            : cell.CellValue is { } v ? cell.StyleIndex?.Value switch
            {
                5 => (double.Parse(v.Text, CultureInfo.InvariantCulture) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                4 => double.Parse(v.Text, CultureInfo.InvariantCulture).ToString("#,##0.0", CultureInfo.InvariantCulture),
                3 => double.Parse(v.Text, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.InvariantCulture),
                _ => double.Parse(v.Text, CultureInfo.InvariantCulture).ToString("G10", CultureInfo.InvariantCulture),
            } : "";
        var html = new System.Text.StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><style>body{margin:0;font:13px Calibri,'Liberation Sans',sans-serif}" +
            "table{border-collapse:collapse}td,th{border:1px solid #d4d4d4;padding:2px 6px;white-space:nowrap;max-width:420px;overflow:hidden;text-overflow:ellipsis}" +
            "th{background:#f0f0f0;font-weight:normal;color:#444}tr.head td{font-weight:bold;border-bottom:2px solid #888}td.n{text-align:right}" +
            ".tab{display:inline-block;margin:6px 0 0 40px;padding:3px 14px;border:1px solid #bbb;border-top:0;background:#fff;font-weight:bold}</style></head><body><table><tr><th></th>");
        foreach (var c in "ABCDEFGH") html.Append($"<th>{c}</th>");
        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append($"<tr{(row.RowIndex!.Value == 1 ? " class=\"head\"" : "")}><th>{row.RowIndex!.Value}</th>");
            foreach (var cell in row.Elements<Sheet.Cell>())
                html.Append($"<td{(cell.CellValue is not null ? " class=\"n\"" : "")}>{System.Net.WebUtility.HtmlEncode(Shown(cell))}</td>");
            html.Append("</tr>");
        }
        html.Append("</table><div class=\"tab\">Figures</div> <span>· one sheet per section · Trends</span></body></html>");
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await page.SetContentAsync(html.ToString());
        await page.ScreenshotAsync(Path.Combine(Repo.Root, "docs", "images", "edition-xlsx-figures.png"), new ScreenshotOptions { FullPage = true });
    }

    /// <summary>Pictures of the HTML edition for the README when UPDATE_SCREENSHOTS=1.</summary>
    private static async Task ScreenshotAsync(IPage page, int width)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") != "1") return;
        await page.ScreenshotAsync(Path.Combine(Repo.Root, "docs", "images", $"edition-html-{width}.png"),
            new ScreenshotOptions { Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = width, Height = width == 320 ? 1400 : 1000 } });
    }
}
