using System.Text;
using ReportEngine.Printing;

namespace ReportEngine.Tests.Pure.Printing;

/// <summary>Finding the placeholders Chromium drew in a page's content stream.</summary>
public sealed class PrintedPlaceholderTests
{
    private static readonly GlyphCodes Codes = GlyphCodes.Parse("""
        begincmap
        1 beginbfchar
        <07D4> <2007>
        endbfchar
        1 beginbfrange
        <0013> <001C> <0030>
        endbfrange
        endcmap
        """);

    private static List<PrintedPlaceholder>? Find(string content)
    {
        var stream = Encoding.ASCII.GetBytes(content);
        return PrintedPlaceholder.Find(stream, ContentStreamLexer.Tokenize(stream)!, new Dictionary<string, FontCodes> { ["F1"] = new("07D4", Codes) });
    }

    [Fact]
    public void A_placeholder_in_a_string_is_found()
    {
        Assert.Single(Find("BT /F1 10 Tf <0053000307D407D407D40011> Tj ET")!);
        Assert.Null(Find("BT /F1 10 Tf <0053000307D407D40011> Tj ET")); // two figure spaces: not a placeholder, and not to be guessed at
    }

    /// <summary>Found printing a symbol (an action's ◆) on the page of the attention list: a fallback font's one-byte codes.</summary>
    [Fact]
    public void A_one_byte_font_that_cannot_draw_a_figure_space_beside_a_placeholder_is_passed_over()
    {
        Assert.Single(Find("BT /F55 10 Tf <AC> Tj ET BT /F1 10 Tf <0053000307D407D407D40011> Tj ET")!);
    }
}
