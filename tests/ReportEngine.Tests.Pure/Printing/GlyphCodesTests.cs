using ReportEngine.Printing;

namespace ReportEngine.Tests.Pure.Printing;

/// <summary>The codes of an embedded font, read from the ToUnicode map Chromium writes (its bfchar and bfrange entries).</summary>
public sealed class GlyphCodesTests
{
    private const string ToUnicode = """
        /CIDInit /ProcSet findresource begin
        begincmap
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        2 beginbfchar
        <0003> <0020>
        <07D4> <2007>
        endbfchar
        2 beginbfrange
        <000F> <001E> <002C>
        <07E8> <07E9> <201C>
        endbfrange
        endcmap
        """;

    [Theory]
    [InlineData('\u2007', "07D4")]
    [InlineData(' ', "0003")]
    [InlineData('0', "0013")]
    [InlineData('9', "001C")]
    [InlineData('\u201D', "07E9")]
    public void A_character_listed_has_its_code(char c, string code)
    {
        Assert.True(GlyphCodes.Parse(ToUnicode).TryGet(c, out var found));
        Assert.Equal(code, found);
    }

    [Fact]
    public void A_character_not_listed_cannot_be_drawn() => Assert.False(GlyphCodes.Parse(ToUnicode).TryGet('A', out _));
}
