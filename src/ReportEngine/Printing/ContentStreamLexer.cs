namespace ReportEngine.Printing;

internal enum ContentTokenKind { Number, Name, HexString, LiteralString, ArrayStart, ArrayEnd, DictStart, DictEnd, Operator }

/// <summary>One token of a page's content stream: its kind and where its bytes are.</summary>
internal readonly record struct ContentToken(ContentTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits a decoded PDF content stream into tokens (ISO 32000-1 §7.2), keeping each token's place so that a patch can
/// replace exactly its bytes. Answers null for what it does not read: an inline image (binary data in the stream),
/// procedure braces, or a malformed token.
/// </summary>
internal static class ContentStreamLexer
{
    public static List<ContentToken>? Tokenize(ReadOnlySpan<byte> s)
    {
        var tokens = new List<ContentToken>(s.Length / 5);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (IsWhite(c))
            {
                i++;
                continue;
            }
            var start = i;
            ContentTokenKind kind;
            switch (c)
            {
                case (byte)'%':
                    while (i < s.Length && s[i] != '\n' && s[i] != '\r') i++;
                    continue;
                case (byte)'/':
                    i++;
                    while (i < s.Length && IsRegular(s[i])) i++;
                    kind = ContentTokenKind.Name;
                    break;
                case (byte)'[':
                    i++;
                    kind = ContentTokenKind.ArrayStart;
                    break;
                case (byte)']':
                    i++;
                    kind = ContentTokenKind.ArrayEnd;
                    break;
                case (byte)'<' when i + 1 < s.Length && s[i + 1] == '<':
                    i += 2;
                    kind = ContentTokenKind.DictStart;
                    break;
                case (byte)'>' when i + 1 < s.Length && s[i + 1] == '>':
                    i += 2;
                    kind = ContentTokenKind.DictEnd;
                    break;
                case (byte)'<':
                    var close = s[i..].IndexOf((byte)'>');
                    if (close < 0) return null;
                    i += close + 1;
                    kind = ContentTokenKind.HexString;
                    break;
                case (byte)'(':
                    if (!SkipLiteral(s, ref i)) return null;
                    kind = ContentTokenKind.LiteralString;
                    break;
                case (byte)')' or (byte)'>' or (byte)'{' or (byte)'}':
                    return null;
                default:
                    while (i < s.Length && IsRegular(s[i])) i++;
                    kind = c is (byte)'+' or (byte)'-' or (byte)'.' or >= (byte)'0' and <= (byte)'9' ? ContentTokenKind.Number : ContentTokenKind.Operator;
                    // An inline image's data is binary and ends at no token boundary this lexer could find.
                    if (kind == ContentTokenKind.Operator && i - start == 2 && s[start] == 'B' && s[start + 1] == 'I') return null;
                    break;
            }
            tokens.Add(new ContentToken(kind, start, i - start));
        }
        return tokens;
    }

    /// <summary>A literal string: balanced parentheses, with backslash escaping any byte.</summary>
    private static bool SkipLiteral(ReadOnlySpan<byte> s, ref int i)
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            switch (s[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')':
                    if (--depth == 0)
                    {
                        i++;
                        return true;
                    }
                    break;
            }
        }
        return false;
    }

    private static bool IsWhite(byte c) => c is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsRegular(byte c) => !IsWhite(c) && c is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');
}
