using ReportEngine.Composition;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ReportEngine.Rendering;

/// <summary>
/// The pages a printed report gives its headings and places: the top-level bookmarks (Chromium makes one of each h1),
/// and the named destinations Chromium writes for each element a link in the document points at
/// (<c>href="#place-NAME"</c>), in the catalog's <c>/Dests</c> dictionary.
/// </summary>
public static class PrintedPages
{
    public static PageNumbers Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Read(document);
    }

    internal static PageNumbers Read(PdfDocument document) => new(Contents(document), Places(document));

    /// <summary>The top-level bookmarks (the h1 headings) of a printed report with their pages.</summary>
    public static IReadOnlyList<ContentsEntry> Contents(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Contents(document);
    }

    private static IReadOnlyList<ContentsEntry> Contents(PdfDocument document) =>
        document.TryGetBookmarks(out var bookmarks)
            ? bookmarks.Roots.OfType<DocumentBookmarkNode>().Select(b => new ContentsEntry(b.Title, b.PageNumber)).ToList()
            : [];

    private static Dictionary<string, int> Places(PdfDocument document)
    {
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var scanner = document.Structure.TokenScanner;
        var catalog = document.Structure.Catalog.CatalogDictionary;
        if (!catalog.Data.TryGetValue(NameToken.Dests.Data, out var destsToken) || !DirectObjectFinder.TryGet(destsToken, scanner, out DictionaryToken? dests))
            return places;
        var pageNumbers = PageNumbersOf(catalog, scanner);
        foreach (var (name, token) in dests.Data)
        {
            if (!name.StartsWith(PageNumbers.PlacePrefix, StringComparison.Ordinal)) continue;
            // A destination is [page /XYZ left top zoom], or a dictionary holding it under /D.
            var array = DirectObjectFinder.TryGet(token, scanner, out ArrayToken? direct) ? direct
                : DirectObjectFinder.TryGet(token, scanner, out DictionaryToken? wrapped) && wrapped.Data.TryGetValue("D", out var d)
                  && DirectObjectFinder.TryGet(d, scanner, out ArrayToken? inner) ? inner : null;
            if (array is { Data: [IndirectReferenceToken page, ..] } && pageNumbers.TryGetValue(page.Data, out var number))
                places[name[PageNumbers.PlacePrefix.Length..]] = number;
        }
        return places;
    }

    /// <summary>Each page object's number (from 1), from the page tree.</summary>
    internal static Dictionary<IndirectReference, int> PageNumbersOf(DictionaryToken catalog, IPdfTokenScanner scanner) =>
        PageReferences(catalog, scanner).Select((reference, i) => (reference, i)).ToDictionary(p => p.reference, p => p.i + 1);

    private static IEnumerable<IndirectReference> PageReferences(DictionaryToken catalog, IPdfTokenScanner scanner)
    {
        if (!catalog.Data.TryGetValue(NameToken.Pages.Data, out var root)) yield break;
        var pending = new Stack<IToken>([root]);
        while (pending.Count > 0)
        {
            var token = pending.Pop();
            if (!DirectObjectFinder.TryGet(token, scanner, out DictionaryToken? node)) continue;
            if (node.Data.TryGetValue(NameToken.Kids.Data, out var kidsToken) && DirectObjectFinder.TryGet(kidsToken, scanner, out ArrayToken? kids))
            {
                for (var k = kids.Data.Count - 1; k >= 0; k--) pending.Push(kids.Data[k]);
                continue;
            }
            if (token is IndirectReferenceToken reference) yield return reference.Data;
        }
    }
}
