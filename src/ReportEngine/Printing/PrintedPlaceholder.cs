using System.Globalization;
using System.Text;

namespace ReportEngine.Printing;

/// <summary>
/// One <see cref="PageNumberPatch.Placeholder"/> as Chromium drew it: three figure spaces in one text block of one font,
/// either inside one string of glyphs (text set at the font's own widths) or as three single-glyph shows, each after a
/// move of the previous glyph's width (text Chromium placed glyph by glyph).
/// </summary>
internal sealed class PrintedPlaceholder
{
    private readonly (Show Show, int Index)[] _slots;
    private readonly Move?[] _movesAfter;
    private readonly bool _inline;
    private readonly GlyphCodes _codes;

    private PrintedPlaceholder((Show, int)[] slots, Move?[] movesAfter, bool inline, GlyphCodes codes)
    {
        _slots = slots;
        _movesAfter = movesAfter;
        _inline = inline;
        _codes = codes;
    }

    private abstract class Item;

    /// <summary>A <c>Tj</c> of a hex string, by its tokens, with its glyph codes; a code set to null is dropped.</summary>
    private sealed class Show(int hex, int op, string?[] codes, string font) : Item
    {
        public int Hex { get; } = hex;
        public int Operator { get; } = op;
        public string?[] Codes { get; } = codes;
        public string Font { get; } = font;
        public bool Changed { get; set; }
    }

    /// <summary>A <c>tx ty Td</c>, by the token of its tx, and the tx it is given instead.</summary>
    private sealed class Move(int tx) : Item
    {
        public int Tx { get; } = tx;
        public double? NewTx { get; set; }
    }

    /// <summary>Anything else that places or draws text.</summary>
    private sealed class Other : Item;

    /// <summary>
    /// The placeholders of one page in drawing order; null when a figure space is drawn in a way that is not a placeholder
    /// (not three in a row, or by an operator this does not read), which a patch must not guess at.
    /// </summary>
    public static List<PrintedPlaceholder>? Find(byte[] stream, List<ContentToken> tokens, IReadOnlyDictionary<string, FontCodes> fonts)
    {
        var found = new List<PrintedPlaceholder>();
        List<Item>? block = null;
        var font = "";
        var operands = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Kind != ContentTokenKind.Operator)
            {
                operands++;
                continue;
            }
            var op = Text(stream, token);
            fonts.TryGetValue(font, out var codes);
            switch (op)
            {
                case "BT":
                    block = [];
                    break;
                case "ET" when block is not null:
                    if (!Collect(block, fonts, found)) return null;
                    block = null;
                    break;
                case "Tf" when operands >= 2 && tokens[t - 2].Kind == ContentTokenKind.Name:
                    font = Text(stream, tokens[t - 2])[1..];
                    break;
                case "Tj" when block is not null && operands >= 1 && tokens[t - 1].Kind == ContentTokenKind.HexString:
                    var hex = Text(stream, tokens[t - 1])[1..^1].ToUpperInvariant();
                    if (codes is null)
                    {
                        // A font that cannot draw a figure space holds no placeholder, whatever the size of its codes
                        // (a symbol drawn from a one-byte fallback font, say).
                        block.Add(new Show(t - 1, t, [hex], font));
                        break;
                    }
                    var width = codes.FigureSpace.Length;
                    if (hex.Length % width != 0) return null;
                    block.Add(new Show(t - 1, t, Enumerable.Range(0, hex.Length / width).Select(i => hex.Substring(i * width, width)).ToArray(), font));
                    break;
                case "Td" when block is not null && operands >= 2 && tokens[t - 2].Kind == ContentTokenKind.Number:
                    block.Add(new Move(t - 2));
                    break;
                case "Tm" or "TD" or "T*" or "'" or "\"" or "TJ" or "Tj" when block is not null:
                    var first = tokens[t - operands].Start;
                    if (codes is not null && Encoding.ASCII.GetString(stream, first, token.Start - first).Contains(codes.FigureSpace, StringComparison.OrdinalIgnoreCase))
                        return null;
                    block.Add(new Other());
                    break;
            }
            operands = 0;
        }
        return found;
    }

    private static bool Collect(List<Item> block, IReadOnlyDictionary<string, FontCodes> fonts, List<PrintedPlaceholder> found)
    {
        var drawnBefore = false;
        for (var i = 0; i < block.Count; i++)
        {
            if (block[i] is not Show show) continue;
            if (!fonts.TryGetValue(show.Font, out var font))
            {
                drawnBefore = true;
                continue;
            }
            if (show.Codes.Length > 1)
            {
                // Glyphs set at the font's widths: each run of figure spaces in the string must be one placeholder.
                for (var c = 0; c < show.Codes.Length; c++)
                {
                    if (show.Codes[c] != font.FigureSpace) continue;
                    var length = 0;
                    while (c + length < show.Codes.Length && show.Codes[c + length] == font.FigureSpace) length++;
                    if (length != PageNumberPatch.Placeholder.Length) return false;
                    var slots = Enumerable.Range(c, length).Select(index => (show, index)).ToArray();
                    found.Add(new PrintedPlaceholder(slots, new Move?[length], drawnBefore || c > 0, font.Codes));
                    c += length - 1;
                }
                drawnBefore = true;
                continue;
            }
            if (show.Codes[0] != font.FigureSpace)
            {
                drawnBefore = true;
                continue;
            }
            // Glyphs placed one by one: figure spaces in a row, each after a move.
            var run = new List<(Show, int)> { (show, 0) };
            var moves = new List<Move?>();
            var j = i + 1;
            while (j + 1 < block.Count && block[j] is Move move && block[j + 1] is Show next && next.Font == show.Font
                   && next.Codes is [var code] && code == font.FigureSpace)
            {
                moves.Add(move);
                run.Add((next, 0));
                j += 2;
            }
            if (run.Count != PageNumberPatch.Placeholder.Length) return false;
            moves.Add(j < block.Count ? block[j] as Move : null);
            found.Add(new PrintedPlaceholder([.. run], [.. moves], drawnBefore, font.Codes));
            drawnBefore = true;
            i = j - 1;
        }
        return true;
    }

    /// <summary>Draws <paramref name="digits"/> here; answers why not when the font cannot draw them.</summary>
    public string? Fill(string digits)
    {
        var codes = new string[digits.Length];
        for (var d = 0; d < digits.Length; d++)
            if (!_codes.TryGet(digits[d], out codes[d])) return $"the embedded font cannot draw the digit {digits[d]} (no other text of the report uses it)";
        // In a sentence the digits come first and the places left over are dropped: what follows closes up behind them.
        // Standing alone (a contents page's column, aligned right) they come last; the places before them are dropped
        // where each glyph has its own position, and kept as invisible figure spaces inside a string, whose later
        // glyphs they hold in place.
        var first = _inline ? 0 : _slots.Length - digits.Length;
        var glyphByGlyph = _movesAfter.Any(m => m is not null) || _slots.Select(s => s.Show).Distinct().Count() > 1;
        for (var s = 0; s < _slots.Length; s++)
        {
            var (show, index) = _slots[s];
            if (s >= first && s < first + digits.Length) show.Codes[index] = codes[s - first];
            else if (_inline || glyphByGlyph) show.Codes[index] = null;
            show.Changed = true;
        }
        // Placed glyph by glyph, what follows in a sentence keeps its place unless the move after the last digit goes
        // back over the places dropped.
        var dropped = _slots.Length - digits.Length;
        if (_inline && dropped > 0 && _movesAfter[digits.Length - 1] is { } move) move.NewTx = -dropped;
        return null;
    }

    /// <summary>The edits to the content stream that the filled placeholders of one page make.</summary>
    public static IEnumerable<(int Start, int Length, string Text)> Edits(IEnumerable<PrintedPlaceholder> placeholders, byte[] stream, List<ContentToken> tokens)
    {
        foreach (var placeholder in placeholders)
        {
            foreach (var move in placeholder._movesAfter.OfType<Move>().Where(m => m.NewTx is not null))
            {
                // NewTx counts the figure widths to go back: the move's own tx is one figure's width.
                var token = tokens[move.Tx];
                var width = double.Parse(Text(stream, token), CultureInfo.InvariantCulture);
                yield return (token.Start, token.Length, (width * (1 + move.NewTx!.Value)).ToString("0.#######", CultureInfo.InvariantCulture));
            }
        }
        foreach (var show in placeholders.SelectMany(p => p._slots).Select(s => s.Show).Distinct().Where(s => s.Changed))
        {
            var kept = show.Codes.OfType<string>().ToList();
            yield return kept.Count == 0
                ? (tokens[show.Hex].Start, tokens[show.Operator].End - tokens[show.Hex].Start, "")
                : (tokens[show.Hex].Start, tokens[show.Hex].Length, $"<{string.Concat(kept)}>");
        }
    }

    private static string Text(byte[] stream, ContentToken token) => Encoding.ASCII.GetString(stream, token.Start, token.Length);
}
