using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ReportEngine.Tests.Support;

/// <summary>
/// What a reader of a printed report would call bad page layout (issue 19), read from the tagged PDF Chromium prints:
/// a page with less than a quarter of its body used that is not the last; a table row alone on a page, the rest of its
/// table on another; a heading last on a page. Rows come from the structure tree (Table, TR, TD), headings and the
/// space used from the marked content on each page.
/// </summary>
public static class PageLayout
{
    // ChromiumPdfPrinter's margins on A4: 24 mm top, 20 mm bottom.
    private const double PageHeight = 841.89;
    private const double BodyTop = PageHeight - 24 / 25.4 * 72;
    private const double BodyBottom = 20 / 25.4 * 72;

    public static IReadOnlyList<string> Problems(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var problems = new List<string>();
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var content = Flatten(document.GetPage(number).GetMarkedContents()).Where(m => !m.IsArtifact && m.Letters.Count > 0).ToList();
            if (content.Count == 0)
            {
                if (number < document.NumberOfPages) problems.Add($"page {number}: nothing on it");
                continue;
            }
            var lowest = content.MinBy(m => m.Letters.Min(l => l.BoundingBox.Bottom))!;
            var used = (BodyTop - lowest.Letters.Min(l => l.BoundingBox.Bottom)) / (BodyTop - BodyBottom);
            if (number < document.NumberOfPages && used < 0.25) problems.Add($"page {number}: {used:P0} of its body used");
            if (lowest.Tag is { } tag && (tag == "H" || tag.Length == 2 && tag[0] == 'H' && char.IsDigit(tag[1])))
                problems.Add($"page {number}: the heading \u201c{string.Concat(lowest.Letters.Select(l => l.Value)).Trim()}\u201d is last on it");
        }
        foreach (var (table, rows) in TableRows(document))
        {
            var byPage = rows.GroupBy(page => page).ToDictionary(g => g.Key, g => g.Count());
            if (byPage.Count < 2) continue;
            foreach (var (page, count) in byPage.Where(p => p.Value == 1))
                problems.Add($"page {page}: one row of table {table} alone, the rest on page {string.Join(", ", byPage.Keys.Where(k => k != page))}");
        }
        return problems;
    }

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> elements) =>
        elements.SelectMany(e => Flatten(e.Children).Prepend(e));

    /// <summary>For each table of the structure tree (numbered in document order), the page of each of its rows that hold a data cell.</summary>
    private static IEnumerable<(int Table, List<int> Rows)> TableRows(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        var catalog = document.Structure.Catalog.CatalogDictionary;
        if (!catalog.Data.TryGetValue("StructTreeRoot", out var rootToken) || !DirectObjectFinder.TryGet(rootToken, scanner, out DictionaryToken? root))
            yield break;
        var pages = ReportEngine.Rendering.PrintedPages.PageNumbersOf(catalog, scanner);
        var tables = new List<DictionaryToken>();
        Collect(root, scanner, "Table", tables);
        for (var t = 0; t < tables.Count; t++)
        {
            var rows = new List<DictionaryToken>();
            Collect(tables[t], scanner, "TR", rows);
            var pagesOfRows = new List<int>();
            foreach (var row in rows)
            {
                var cells = new List<DictionaryToken>();
                Collect(row, scanner, "TD", cells);
                if (cells.Count == 0) continue; // a header row, repeated on each page the table runs over
                if (PageOf(row, scanner, pages) is { } page) pagesOfRows.Add(page);
            }
            yield return (t + 1, pagesOfRows);
        }
    }

    /// <summary>Struct elements of type <paramref name="type"/> under <paramref name="element"/>, in order (not looking inside one found).</summary>
    private static void Collect(DictionaryToken element, IPdfTokenScanner scanner, string type, List<DictionaryToken> found)
    {
        foreach (var kid in Kids(element, scanner))
        {
            if (kid.Data.TryGetValue("S", out var s) && s is NameToken name && name.Data == type) found.Add(kid);
            else Collect(kid, scanner, type, found);
        }
    }

    private static IEnumerable<DictionaryToken> Kids(DictionaryToken element, IPdfTokenScanner scanner)
    {
        if (!element.Data.TryGetValue("K", out var k)) yield break;
        var items = DirectObjectFinder.TryGet(k, scanner, out ArrayToken? array) ? array.Data : [k];
        foreach (var item in items)
            if (DirectObjectFinder.TryGet(item, scanner, out DictionaryToken? kid) && kid.Data.ContainsKey("S")) yield return kid;
    }

    /// <summary>The page a struct element's content starts on: its own /Pg, or its first kid's.</summary>
    private static int? PageOf(DictionaryToken element, IPdfTokenScanner scanner, Dictionary<IndirectReference, int> pages)
    {
        if (element.Data.TryGetValue("Pg", out var pg) && pg is IndirectReferenceToken reference && pages.TryGetValue(reference.Data, out var number)) return number;
        if (!element.Data.TryGetValue("K", out var k)) return null;
        var items = DirectObjectFinder.TryGet(k, scanner, out ArrayToken? array) ? array.Data : [k];
        foreach (var item in items)
            if (DirectObjectFinder.TryGet(item, scanner, out DictionaryToken? kid) && PageOf(kid, scanner, pages) is { } page) return page;
        return null;
    }
}
