using System.Globalization;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ReportEngine.Printing;

/// <summary>The patched PDF, or why the page numbers could not be written into it.</summary>
public sealed record PatchedPdf(byte[]? Pdf, string? WhyNot);

/// <summary>
/// Writes page numbers into a printed PDF where the document held <see cref="Placeholder"/>s: three figure spaces,
/// which Liberation Sans draws exactly as wide as a digit, so the page was laid out with room for the number. Chromium
/// draws each glyph with its own <c>Tj</c> after a <c>Td</c> that moves by the previous glyph's width; each figure
/// space's code is replaced by a digit's code of the same font (the glyph positions do not move), and unused places are
/// dropped. A placeholder that starts its text block (a contents page's column) is aligned right; one inside a sentence
/// is aligned left and what follows it on its line moves back over the dropped places. The numbers are given in
/// the order the placeholders appear: page by page, and in drawing order on a page. The tags, marked content and fonts
/// are untouched, and the new content streams are appended as an incremental update.
/// Answers why not (and changes nothing) when the placeholders found are not the ones expected, when a number has more
/// than three digits, or when the font subset cannot draw one of its digits.
/// </summary>
public static class PageNumberPatch
{
    public const string Placeholder = "\u2007\u2007\u2007";

    private const char FigureSpace = '\u2007';

    public static PatchedPdf Apply(byte[] pdf, IReadOnlyList<int> numbers)
    {
        using var document = PdfDocument.Open(pdf);
        return Apply(pdf, document, numbers);
    }

    /// <summary>As <see cref="Apply(byte[], IReadOnlyList{int})"/>, with <paramref name="pdf"/> opened already (its pages read first, say).</summary>
    internal static PatchedPdf Apply(byte[] pdf, PdfDocument document, IReadOnlyList<int> numbers)
    {
        if (numbers.Any(n => n is < 1 or > 999)) return new(null, $"a page number out of the placeholder's three digits ({numbers.Max()})");
        var scanner = document.Structure.TokenScanner;
        var fonts = new Dictionary<IndirectReference, GlyphCodes?>();
        // The page tree and the fonts are read in turn (PdfPig reads objects one at a time); each page's stream is then
        // inflated and read on its own, the pages side by side (issue 26: in turn, that was most of the patch).
        var streams = new List<(int Page, IndirectReference Stream, ReadOnlyMemory<byte> Data, Dictionary<string, FontCodes> Fonts)>();
        var p = 0;
        foreach (var (page, inheritedResources) in Pages(document.Structure.Catalog.CatalogDictionary, scanner))
        {
            p++;
            if (!page.TryGet(NameToken.Contents, out IndirectReferenceToken contents))
                return new(null, $"page {p}'s contents are not one stream");
            if (document.Structure.GetObject(contents.Data).Data is not StreamToken stream || !IsFlate(stream.StreamDictionary))
                return new(null, $"page {p}'s contents are not one Flate stream");
            var fontCodes = FontsOf(page.Data.GetValueOrDefault(NameToken.Resources.Data) ?? inheritedResources, scanner, fonts);
            if (fontCodes.Count > 0) streams.Add((p, contents.Data, stream.Data, fontCodes));
        }
        var read = new PageRead[streams.Count];
        Parallel.For(0, streams.Count, i => read[i] = PageRead.Of(streams[i].Data, streams[i].Fonts));

        var pages = new List<(IndirectReference Stream, byte[] Decoded, List<ContentToken> Tokens, List<PrintedPlaceholder> Found)>();
        var count = 0;
        for (var i = 0; i < streams.Count; i++)
        {
            var (page, decoded, tokens, found) = (streams[i].Page, read[i].Decoded, read[i].Tokens, read[i].Found);
            if (decoded is null) continue;
            if (tokens is null) return new(null, $"page {page}'s content stream could not be read");
            if (found is null) return new(null, $"page {page} has figure spaces that are not a placeholder");
            if (found.Count == 0) continue;
            pages.Add((streams[i].Stream, decoded, tokens, found));
            count += found.Count;
        }
        if (count != numbers.Count) return new(null, $"{count} page number placeholders were printed, {numbers.Count} were expected");
        if (count == 0) return new(pdf, null);

        var replaced = new List<ReplacedStream>();
        var next = 0;
        foreach (var (reference, decoded, tokens, found) in pages)
        {
            foreach (var placeholder in found)
            {
                var why = placeholder.Fill(numbers[next++].ToString(CultureInfo.InvariantCulture));
                if (why is not null) return new(null, why);
            }
            var edits = PrintedPlaceholder.Edits(found, decoded, tokens).ToList();
            replaced.Add(new ReplacedStream((int)reference.ObjectNumber, reference.Generation, Edit(decoded, edits)));
        }
        var patched = IncrementalUpdate.Append(pdf, replaced);
        return patched is null ? new(null, "the PDF has no classic cross-reference table to update") : new(patched, null);
    }

    /// <summary>
    /// The page dictionaries in page order, each with the resources it inherits, read from the page tree alone: opening
    /// a page through PdfPig would read all its text, which the patch does not need.
    /// </summary>
    private static IEnumerable<(DictionaryToken Page, IToken? InheritedResources)> Pages(DictionaryToken catalog, IPdfTokenScanner scanner)
    {
        if (!catalog.Data.TryGetValue(NameToken.Pages.Data, out var root)) yield break;
        var pending = new Stack<(IToken Node, IToken? Resources)>([(root, null)]);
        while (pending.Count > 0)
        {
            var (token, inherited) = pending.Pop();
            if (!DirectObjectFinder.TryGet(token, scanner, out DictionaryToken? node)) continue;
            var resources = node.Data.GetValueOrDefault(NameToken.Resources.Data) ?? inherited;
            if (node.Data.TryGetValue(NameToken.Kids.Data, out var kidsToken) && DirectObjectFinder.TryGet(kidsToken, scanner, out ArrayToken? kids))
            {
                for (var k = kids.Data.Count - 1; k >= 0; k--) pending.Push((kids.Data[k], resources));
                continue;
            }
            yield return (node, inherited);
        }
    }

    /// <summary>The figure-space and digit codes of each font on a page that can draw a figure space.</summary>
    private static Dictionary<string, FontCodes> FontsOf(IToken? resourcesToken, IPdfTokenScanner scanner, Dictionary<IndirectReference, GlyphCodes?> cache)
    {
        var found = new Dictionary<string, FontCodes>(StringComparer.Ordinal);
        if (resourcesToken is null
            || !DirectObjectFinder.TryGet(resourcesToken, scanner, out DictionaryToken? resources)
            || !resources.Data.TryGetValue(NameToken.Font.Data, out var fontsToken)
            || !DirectObjectFinder.TryGet(fontsToken, scanner, out DictionaryToken? fontDictionary))
            return found;
        foreach (var (name, token) in fontDictionary.Data)
        {
            if (token is not IndirectReferenceToken reference) continue;
            if (!cache.TryGetValue(reference.Data, out var codes))
            {
                codes = null;
                if (DirectObjectFinder.TryGet(token, scanner, out DictionaryToken? font)
                    && font.Data.TryGetValue(NameToken.ToUnicode.Data, out var toUnicodeToken)
                    && DirectObjectFinder.TryGet(toUnicodeToken, scanner, out StreamToken? toUnicode)
                    && IsFlate(toUnicode.StreamDictionary))
                    codes = GlyphCodes.Parse(Encoding.Latin1.GetString(Inflate(toUnicode.Data)));
                cache[reference.Data] = codes;
            }
            if (codes is not null && codes.TryGet(FigureSpace, out var figureSpace)) found[name] = new FontCodes(figureSpace, codes);
        }
        return found;
    }

    /// <summary>
    /// One page's content stream inflated and its placeholders found: no <see cref="Decoded"/> when it draws no figure
    /// space, no <see cref="Tokens"/> when it could not be read, no <see cref="Found"/> when a figure space is not a placeholder.
    /// </summary>
    private readonly record struct PageRead(byte[]? Decoded, List<ContentToken>? Tokens, List<PrintedPlaceholder>? Found)
    {
        public static PageRead Of(ReadOnlyMemory<byte> stream, Dictionary<string, FontCodes> fonts)
        {
            var decoded = Inflate(stream);
            if (!fonts.Values.Any(codes => Mentions(decoded, codes.FigureSpace))) return default;
            var tokens = ContentStreamLexer.Tokenize(decoded);
            return new(decoded, tokens, tokens is null ? null : PrintedPlaceholder.Find(decoded, tokens, fonts));
        }
    }

    /// <summary>Whether a stream holds the code's hex digits anywhere (in either case): only then is it worth reading.</summary>
    private static bool Mentions(byte[] stream, string code) =>
        stream.AsSpan().IndexOf(Encoding.ASCII.GetBytes(code)) >= 0 || stream.AsSpan().IndexOf(Encoding.ASCII.GetBytes(code.ToLowerInvariant())) >= 0;

    private static bool IsFlate(DictionaryToken stream) =>
        stream.Data.TryGetValue(NameToken.Filter.Data, out var filter) && filter is NameToken { Data: "FlateDecode" }
        && !stream.Data.ContainsKey(NameToken.DecodeParms.Data);

    private static byte[] Inflate(ReadOnlyMemory<byte> data)
    {
        using var input = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(data.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(data.Length * 4);
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Edit(byte[] decoded, IEnumerable<(int Start, int Length, string Text)> edits)
    {
        using var output = new MemoryStream(decoded.Length);
        var at = 0;
        foreach (var (start, length, text) in edits.OrderBy(e => e.Start))
        {
            output.Write(decoded, at, start - at);
            output.Write(Encoding.ASCII.GetBytes(text));
            at = start + length;
        }
        output.Write(decoded, at, decoded.Length - at);
        return output.ToArray();
    }
}

/// <summary>A font's code for the figure space, and its codes for everything else.</summary>
internal sealed record FontCodes(string FigureSpace, GlyphCodes Codes);
