using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportEngine.Printing;

/// <summary>A content stream to write again under its own object number: the new, decoded bytes.</summary>
internal sealed record ReplacedStream(int ObjectNumber, int Generation, byte[] Decoded);

/// <summary>
/// Replaces streams of a PDF by an incremental update (ISO 32000-1 §7.5.6): the original bytes stay as they are and the
/// new objects, a cross-reference section for them and a trailer pointing back to the previous one are appended. Every
/// reader takes the newest version of an object, and no offset in the original moves. Needs a classic cross-reference
/// table, which is what Chromium writes; answers null for anything else.
/// </summary>
internal static partial class IncrementalUpdate
{
    public static byte[]? Append(byte[] pdf, IReadOnlyList<ReplacedStream> streams) =>
        LastTrailer(pdf) is { } last
            ? AppendObjects(pdf, last, streams.OrderBy(s => s.ObjectNumber).Select(stream =>
            {
                var compressed = Deflate(stream.Decoded);
                using var body = new MemoryStream(compressed.Length + 96);
                Write(body, $"{stream.ObjectNumber} {stream.Generation} obj\n<</Filter /FlateDecode /Length {compressed.Length}>> stream\n");
                body.Write(compressed);
                Write(body, "\nendstream\nendobj\n");
                return (stream.ObjectNumber, stream.Generation, body.ToArray());
            }).ToList())
            : null;

    /// <summary>
    /// Sets entries of the document information dictionary (<c>/Author</c>, <c>/Creator</c>…), keeping the others, by
    /// writing the dictionary again under its own object number. Null when the PDF is not one this can update.
    /// </summary>
    public static byte[]? SetDocumentInfo(byte[] pdf, IReadOnlyDictionary<string, string> entries)
    {
        if (LastTrailer(pdf) is not { } last || InfoEntry().Match(last.Dictionary) is not { Success: true } info) return null;
        var (number, generation) = (int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(info.Groups[2].Value, CultureInfo.InvariantCulture));
        if (OffsetOf(pdf, last.Xref, number) is not { } offset) return null;
        var objectText = Encoding.Latin1.GetString(pdf, (int)offset, (int)Math.Min(8192, pdf.Length - offset));
        if (TrailerDictionary(objectText, 0) is not { } dictionary) return null;
        foreach (var key in entries.Keys) dictionary = InfoValue(key).Replace(dictionary, "");
        var text = new StringBuilder(dictionary.TrimEnd());
        // Written as UTF-16BE hex strings, so that any name (an authority's, with its accents) is kept exactly.
        foreach (var (key, value) in entries) text.Append(CultureInfo.InvariantCulture, $"\n{key} <FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value))}>");
        return AppendObjects(pdf, last, [(number, generation, Encoding.Latin1.GetBytes($"{number} {generation} obj\n<<{text}\n>>\nendobj\n"))]);
    }

    /// <summary>Appends whole objects (<c>N G obj … endobj</c>), a cross-reference section for them and a trailer pointing back to the <paramref name="last"/> one.</summary>
    private static byte[] AppendObjects(byte[] pdf, (long Xref, string Dictionary) last, IReadOnlyList<(int Number, int Generation, byte[] Body)> objects)
    {
        using var output = new MemoryStream(pdf.Length + objects.Sum(o => o.Body.Length) + 1024);
        output.Write(pdf);
        if (pdf[^1] is not ((byte)'\n' or (byte)'\r')) output.WriteByte((byte)'\n');
        var offsets = new List<(int Number, int Generation, long Offset)>();
        foreach (var (number, generation, body) in objects)
        {
            offsets.Add((number, generation, output.Position));
            output.Write(body);
        }
        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        // One subsection per object: each entry is exactly 20 bytes, "offset generation n" and a two-byte end of line.
        foreach (var (number, generation, offset) in offsets)
            table.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} {generation:D5} n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<<{Prev().Replace(last.Dictionary, "")} /Prev {last.Xref}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    /// <summary>The last cross-reference section's offset and its trailer's dictionary; null when the file ends otherwise.</summary>
    private static (long Xref, string Dictionary)? LastTrailer(byte[] pdf)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 4096), Math.Min(4096, pdf.Length));
        var startXref = StartXref().Matches(tail);
        var trailerAt = tail.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startXref.Count == 0 || trailerAt < 0 || TrailerDictionary(tail, trailerAt + "trailer".Length) is not { } dictionary) return null;
        return (long.Parse(startXref[^1].Groups[1].Value, CultureInfo.InvariantCulture), dictionary);
    }

    /// <summary>Where object <paramref name="number"/> begins, from the classic cross-reference table at <paramref name="xref"/> (and those before it).</summary>
    private static long? OffsetOf(byte[] pdf, long xref, int number)
    {
        for (var guard = 0; guard < 64 && xref > 0 && xref < pdf.Length; guard++)
        {
            var text = Encoding.Latin1.GetString(pdf, (int)xref, (int)Math.Min(pdf.Length - xref, 1 << 20));
            if (!text.StartsWith("xref", StringComparison.Ordinal)) return null;
            var at = 4;
            while (Subsection().Match(text, at) is { Success: true } sub && sub.Index == at)
            {
                var (first, count) = (int.Parse(sub.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(sub.Groups[2].Value, CultureInfo.InvariantCulture));
                var entries = sub.Index + sub.Length;
                if (number >= first && number < first + count)
                {
                    if (entries + (number - first + 1) * 20 > text.Length) return null;
                    var entry = text.Substring(entries + (number - first) * 20, 20);
                    return entry[17] == 'n' ? long.Parse(entry[..10], CultureInfo.InvariantCulture) : null;
                }
                at = entries + count * 20;
            }
            var trailerAt = text.IndexOf("trailer", Math.Min(at, text.Length), StringComparison.Ordinal);
            if (trailerAt < 0 || TrailerDictionary(text, trailerAt) is not { } trailer || Prev().Match(trailer) is not { Success: true } prev) return null;
            xref = long.Parse(prev.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    /// <summary>The inside of the trailer's dictionary, its nested dictionaries included.</summary>
    private static string? TrailerDictionary(string tail, int from)
    {
        var open = tail.IndexOf("<<", from, StringComparison.Ordinal);
        if (open < 0) return null;
        var depth = 0;
        for (var i = open; i + 1 < tail.Length; i++)
        {
            if (tail[i] == '<' && tail[i + 1] == '<') { depth++; i++; }
            else if (tail[i] == '>' && tail[i + 1] == '>')
            {
                if (--depth == 0) return tail[(open + 2)..i];
                i++;
            }
        }
        return null;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream(data.Length / 3 + 64);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return compressed.ToArray();
    }

    private static void Write(Stream output, string text) => output.Write(Encoding.Latin1.GetBytes(text));

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Prev\s+(\d+)")]
    private static partial Regex Prev();

    [GeneratedRegex(@"/Info\s+(\d+)\s+(\d+)\s+R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"\s*(\d+)\s+(\d+)\s*\r?\n")]
    private static partial Regex Subsection();

    /// <summary>A key of the information dictionary with its value, a literal string (escapes included) or a hex string.</summary>
    private static Regex InfoValue(string key) => new($@"{Regex.Escape(key)}\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)");
}
