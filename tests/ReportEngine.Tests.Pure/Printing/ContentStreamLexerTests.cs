using System.Text;
using ReportEngine.Printing;

namespace ReportEngine.Tests.Pure.Printing;

/// <summary>A content stream's tokens, each with the place of its bytes; what the lexer does not read, it refuses.</summary>
public sealed class ContentStreamLexerTests
{
    private static List<(ContentTokenKind Kind, string Text)>? Lex(string stream)
    {
        var bytes = Encoding.Latin1.GetBytes(stream);
        return ContentStreamLexer.Tokenize(bytes)?.Select(t => (t.Kind, Encoding.Latin1.GetString(bytes, t.Start, t.Length))).ToList();
    }

    [Fact]
    public void Text_operators_and_their_operands_are_tokens_in_place()
    {
        Assert.Equal(
        [
            (ContentTokenKind.Name, "/H1"), (ContentTokenKind.DictStart, "<<"), (ContentTokenKind.Name, "/MCID"), (ContentTokenKind.Number, "0"),
            (ContentTokenKind.DictEnd, ">>"), (ContentTokenKind.Operator, "BDC"), (ContentTokenKind.Operator, "BT"), (ContentTokenKind.Name, "/F4"),
            (ContentTokenKind.Number, "15.33"), (ContentTokenKind.Operator, "Tf"), (ContentTokenKind.Number, "-.5"), (ContentTokenKind.Number, "0"),
            (ContentTokenKind.Operator, "Td"), (ContentTokenKind.HexString, "<07D4>"), (ContentTokenKind.Operator, "Tj"),
            (ContentTokenKind.ArrayStart, "["), (ContentTokenKind.LiteralString, @"(a \) (nested) b)"), (ContentTokenKind.Number, "-250"),
            (ContentTokenKind.ArrayEnd, "]"), (ContentTokenKind.Operator, "TJ"), (ContentTokenKind.Operator, "ET"),
        ], Lex("/H1 <</MCID 0 >>BDC\nBT % a comment\n/F4 15.33 Tf -.5 0 Td <07D4> Tj [(a \\) (nested) b) -250] TJ\nET"));
    }

    [Theory]
    [InlineData("BI /W 1 /H 1 ID \x00\xff EI")]
    [InlineData("(unclosed")]
    [InlineData("<07D4")]
    [InlineData("{ }")]
    public void What_it_does_not_read_is_refused(string stream) => Assert.Null(Lex(stream));
}
