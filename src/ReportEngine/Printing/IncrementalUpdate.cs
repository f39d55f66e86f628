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
    public static byte[]? Append(byte[] pdf, IReadOnlyList<ReplacedStream> streams)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 4096), Math.Min(4096, pdf.Length));
        var startXref = StartXref().Matches(tail);
        var trailerAt = tail.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startXref.Count == 0 || trailerAt < 0) return null;
        var previous = long.Parse(startXref[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var trailer = TrailerDictionary(tail, trailerAt + "trailer".Length);
        if (trailer is null) return null;

        using var output = new MemoryStream(pdf.Length + streams.Sum(s => s.Decoded.Length / 4) + 1024);
        output.Write(pdf);
        if (pdf[^1] is not ((byte)'\n' or (byte)'\r')) output.WriteByte((byte)'\n');
        var offsets = new List<(ReplacedStream Stream, long Offset)>();
        foreach (var stream in streams.OrderBy(s => s.ObjectNumber))
        {
            offsets.Add((stream, output.Position));
            var compressed = Deflate(stream.Decoded);
            Write(output, $"{stream.ObjectNumber} {stream.Generation} obj\n<</Filter /FlateDecode /Length {compressed.Length}>> stream\n");
            output.Write(compressed);
            Write(output, "\nendstream\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        // One subsection per object: each entry is exactly 20 bytes, "offset generation n" and a two-byte end of line.
        foreach (var (stream, offset) in offsets)
            table.Append(CultureInfo.InvariantCulture, $"{stream.ObjectNumber} 1\n{offset:D10} {stream.Generation:D5} n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<<{PrevEntry().Replace(trailer, "")} /Prev {previous}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
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

    [GeneratedRegex(@"/Prev\s+\d+")]
    private static partial Regex PrevEntry();
}
