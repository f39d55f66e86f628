using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportEngine.Printing;

/// <summary>
/// Which character code draws each character in one embedded font, read from its ToUnicode map (the bfchar and
/// bfrange entries Chromium writes). Chromium's subset holds exactly the glyphs its ToUnicode map lists, so a character
/// listed here can be drawn with this font; one not listed cannot.
/// </summary>
internal sealed partial class GlyphCodes
{
    private readonly Dictionary<char, string> _codes;

    private GlyphCodes(Dictionary<char, string> codes) => _codes = codes;

    /// <summary>The hex code (as written between angle brackets in the content stream) that draws <paramref name="c"/>.</summary>
    public bool TryGet(char c, out string code) => _codes.TryGetValue(c, out code!);

    public static GlyphCodes Parse(string toUnicode)
    {
        var codes = new Dictionary<char, string>();
        foreach (Match block in BfChar().Matches(toUnicode))
        foreach (Match pair in HexPair().Matches(block.Groups[1].Value))
            Add(codes, pair.Groups[1].Value, Unicode(pair.Groups[2].Value));
        foreach (Match block in BfRange().Matches(toUnicode))
        foreach (Match range in HexRange().Matches(block.Groups[1].Value))
        {
            var from = int.Parse(range.Groups[1].Value, NumberStyles.HexNumber);
            var to = int.Parse(range.Groups[2].Value, NumberStyles.HexNumber);
            var first = Unicode(range.Groups[3].Value);
            if (first is null || to - from > 0xFFFF) continue;
            for (var code = from; code <= to; code++)
                Add(codes, code.ToString(range.Groups[1].Value.Length == 4 ? "X4" : "X2", CultureInfo.InvariantCulture), (char)(first.Value + code - from));
        }
        return new GlyphCodes(codes);
    }

    /// <summary>The first code listed for a character wins: any code that draws it will do.</summary>
    private static void Add(Dictionary<char, string> codes, string code, char? c)
    {
        if (c is { } character) codes.TryAdd(character, code.ToUpperInvariant());
    }

    /// <summary>A destination of one UTF-16 unit; longer ones (ligatures, surrogate pairs) are never a digit or a space.</summary>
    private static char? Unicode(string hex) =>
        hex.Length == 4 ? (char)int.Parse(hex, NumberStyles.HexNumber) : null;

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexRange();
}
