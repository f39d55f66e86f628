using ReportEngine.Printing;
using ReportEngine.Rendering;

namespace ReportEngine.Tests.Pure.Templating;

/// <summary>
/// The stand-in pages a report is composed with before its one print: which headings it has, which section each
/// placeholder stands for, and when a document cannot be given stand-ins.
/// </summary>
public sealed class PageReferencesTests
{
    private const string Html = """
        <h1>Contents</h1><ol><li>Summary <span class="page">2000000001</span></li><li>Waits &amp; reviews <span class="page">2000000002</span></li></ol>
        <H1 class="major">Summary</H1><p>Long waits (see page 2000000002).</p>
        <h1>Waits &amp;
          <em>reviews</em></h1>
        <h2>Not a section</h2>
        """;

    [Fact]
    public void The_headings_are_the_top_level_ones_as_a_reader_sees_them()
    {
        Assert.Equal(["Contents", "Summary", "Waits & reviews"], PageReferences.Headings(Html));
    }

    [Fact]
    public void Each_stand_in_becomes_a_placeholder_and_says_which_section_it_stood_for_in_document_order()
    {
        var (marked, order) = PageReferences.Mark(Html)!.Value;
        Assert.Equal([1, 2, 2], order);
        Assert.DoesNotContain("20000000", marked);
        Assert.Contains($"(see page {PageNumberPatch.Placeholder}).", marked);
    }

    [Theory]
    [InlineData("<li>Summary <span>2,000,000,001</span></li>")]
    [InlineData("<p>See page 2 000 000 004.</p>")]
    [InlineData("<p>See page 2.000.000.004</p>")]
    public void A_stand_in_a_template_printed_formatted_leaves_nothing_a_placeholder_could_stand_for(string html) =>
        Assert.Null(PageReferences.Mark(html));

    [Fact]
    public void The_stand_ins_are_one_per_heading_and_far_above_any_page_count()
    {
        var entries = PageReferences.StandIns(["Contents", "Summary"], "<h1>Contents</h1><p>12,345 complaints, 2000000000000 pence.</p>")!;
        Assert.Equal([("Contents", 2_000_000_000), ("Summary", 2_000_000_001)], entries.Select(e => (e.Title, e.Page)));
    }

    [Theory]
    [InlineData("<p>Case 2000000007 was reopened.</p>")]
    [InlineData("<td>2000000099</td>")]
    public void A_document_already_printing_a_number_like_a_stand_in_gets_none(string body) =>
        Assert.Null(PageReferences.StandIns(["Contents"], body));

    [Fact]
    public void A_document_without_headings_or_with_more_than_a_hundred_gets_none()
    {
        Assert.Null(PageReferences.StandIns([], "<p>no headings</p>"));
        Assert.Null(PageReferences.StandIns(Enumerable.Range(0, 101).Select(i => $"Section {i}").ToList(), ""));
    }
}
