using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportEngine.Editions;

/// <summary>
/// The Word edition, for committee papers: the HTML edition's sections as editable text with Word's own heading styles
/// (so its navigation pane and a generated contents list work), its tables as Word tables with a repeating header row,
/// each chart as a picture (its SVG, with the page's chart styles inside it) with its text alternative, and the marking
/// in every page's header and footer.
/// </summary>
public static partial class WordDocument
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "caption", "dd", "div", "dl", "dt", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "li", "main", "nav", "ol", "p", "section", "svg", "table", "ul",
    };

    public static byte[] Make(IDocument htmlEdition, string title, string author, string marking, DateTimeOffset madeAt)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = title;
            package.PackageProperties.Creator = author;
            package.PackageProperties.Language = "en-GB";
            package.PackageProperties.Created = madeAt.UtcDateTime;
            package.PackageProperties.Modified = madeAt.UtcDateTime;
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = WordStyles.Create();
            var header = main.AddNewPart<HeaderPart>("rIdHeader");
            header.Header = new Header(Para(marking, WordStyles.Marking));
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(Para(marking, WordStyles.Marking));
            var body = new Body();
            var content = htmlEdition.QuerySelector("main") ?? htmlEdition.Body!;
            var pictures = new WordPictures(main, ChartStyles(htmlEdition));
            foreach (var child in content.Children) Write(body, child, pictures);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }
        return StablePackage.Stamp(stream.ToArray(), madeAt);
    }

    private static void Write(Body body, IElement element, WordPictures pictures)
    {
        if (element.ClassList.Contains("draft-mark")) { body.Append(Para(HtmlEdition.Text(element), WordStyles.Marking)); return; }
        switch (element.LocalName)
        {
            case "h1": body.Append(Para(HtmlEdition.Text(element), "Heading1")); return;
            case "h2": body.Append(Para(HtmlEdition.Text(element), "Heading2")); return;
            case "h3" or "h4" or "h5" or "h6": body.Append(Para(HtmlEdition.Text(element), "Heading3")); return;
            case "table": WriteTable(body, element); return;
            case "ul" or "ol":
                var number = 0;
                foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                    body.Append(Para((element.LocalName == "ol" ? $"{++number}. " : "• ") + HtmlEdition.Text(item), WordStyles.ListItem));
                return;
            case "dt": body.Append(Para(HtmlEdition.Text(element), WordStyles.Term)); return;
            case "svg":
                // A chart: its picture, described by its text alternative. (A sparkline beside a figure is left to the figure.)
                if (element.ParentElement?.ClassList.Contains("figure") == true && element.GetAttribute("aria-label") is { Length: > 0 } label)
                    body.Append(new Paragraph(new Run(pictures.Add(element, label))));
                return;
            // A disclosure's label ("The chart's values") is the browser's control, not the report's text.
            case "style" or "script" or "template" or "summary": return;
        }
        if (element.ClassList.Contains("figcaption")) { body.Append(Para(HtmlEdition.Text(element), WordStyles.Caption)); return; }
        if (element.Children.Any(c => Blocks.Contains(c.LocalName)))
        {
            foreach (var child in element.Children) Write(body, child, pictures);
            return;
        }
        var preserved = element.ClassList.Contains("commentary-text") || element.ClassList.Contains("as-written");
        var text = preserved ? element.TextContent : HtmlEdition.Text(element);
        if (text.Trim().Length > 0) body.Append(Para(text, null, preserved));
    }

    /// <summary>The page's rules for its charts' drawing (SVG's shapes and text), which a chart carries inside it on its own.</summary>
    private static string ChartStyles(IDocument page)
    {
        var css = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        var rules = css.Split('}').Select(r => r.Trim()).Where(r => r.Contains('{') && !r.StartsWith('@'))
            .Where(r => r[..r.IndexOf('{')].Split(',').All(selector => SvgSelector().IsMatch(selector.Trim())));
        return string.Join("\n", rules.Select(r => r + " }"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(svg\b|path\.|line\.|text\.|rect\.)")]
    private static partial System.Text.RegularExpressions.Regex SvgSelector();

    private static void WriteTable(Body body, IElement element)
    {
        var name = element.QuerySelector("caption") is { } caption ? HtmlEdition.Text(caption) : "";
        if (name.Length > 0 && !element.QuerySelector("caption")!.ClassList.Contains("visually-hidden")) body.Append(Para(name, WordStyles.Caption));
        var grid = Editions.TableGrid.Read(element);
        var table = new Table(new TableProperties(
            new TableStyle { Val = WordStyles.Table },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "0020", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
            new TableCaption { Val = name.Length > 0 ? name : "Table" }),
            new DocumentFormat.OpenXml.Wordprocessing.TableGrid(grid.Header.Select(_ => new GridColumn { Width = (9638 / Math.Max(1, grid.Header.Count)).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(grid.Header, header: true));
        foreach (var row in grid.Body) table.Append(Row(row, header: false));
        body.Append(table);
        body.Append(Para("", null));
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var text in cells)
            row.Append(new TableCell(Para(text, header ? WordStyles.TableHeading : WordStyles.TableText)));
        return row;
    }

    /// <summary>A paragraph of plain text in a style; with <paramref name="preserved"/>, its line breaks kept as written.</summary>
    private static Paragraph Para(string text, string? style, bool preserved = false)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var run = new Run();
        var lines = preserved ? text.Replace("\r\n", "\n").Split('\n') : [text];
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }
}
