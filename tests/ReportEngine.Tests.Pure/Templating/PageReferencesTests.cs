using ReportEngine.Composition;
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
    public void The_stand_ins_are_one_per_heading_and_place_and_far_above_any_page_count()
    {
        const string html = "<h1>Contents</h1><p>12,345 complaints, 2000000000000 pence.</p><td id=\"place-reviews.overdue\">3</td>";
        var pages = PageReferences.StandIns(["Contents", "Summary"], PageReferences.Places(html), html)!;
        Assert.Equal([("Contents", 2_000_000_000), ("Summary", 2_000_000_001)], pages.Contents.Select(e => (e.Title, e.Page)));
        Assert.Equal(2_000_000_002, pages.Place("reviews.overdue"));
    }

    [Fact]
    public void A_place_is_an_element_whose_id_starts_place_in_document_order_once()
    {
        const string html = "<tr id=\"place-attention.green_but_overdue.A&amp;1\"><td id=\"figure\">1</td></tr><p id=\"place-reviews.overdue\"></p>";
        Assert.Equal(["attention.green_but_overdue.A&1", "reviews.overdue"], PageReferences.Places(html));
    }

    [Fact]
    public void The_printed_pages_of_stand_ins_come_from_headings_then_places_and_a_place_missing_from_the_print_gives_none()
    {
        var printed = new PageNumbers([new("Contents", 2), new("Summary", 3)], new Dictionary<string, int> { ["reviews.overdue"] = 9 });
        Assert.Equal([3, 9, 2], PageReferences.Pages([1, 2, 0], ["reviews.overdue"], printed));
        Assert.Null(PageReferences.Pages([1, 3], ["reviews.overdue", "dols.longest_wait_days"], printed));
    }

    [Theory]
    [InlineData("<p>Case 2000000007 was reopened.</p>")]
    [InlineData("<td>2000000999</td>")]
    public void A_document_already_printing_a_number_like_a_stand_in_gets_none(string body) =>
        Assert.Null(PageReferences.StandIns(["Contents"], [], body));

    [Fact]
    public void A_document_without_headings_or_with_more_than_a_thousand_headings_and_places_gets_none()
    {
        Assert.Null(PageReferences.StandIns([], [], "<p>no headings</p>"));
        Assert.Null(PageReferences.StandIns(Enumerable.Range(0, 101).Select(i => $"Section {i}").ToList(), Enumerable.Range(0, 900).Select(i => $"figure.{i}").ToList(), ""));
        Assert.NotNull(PageReferences.StandIns(Enumerable.Range(0, 100).Select(i => $"Section {i}").ToList(), Enumerable.Range(0, 900).Select(i => $"figure.{i}").ToList(), ""));
    }
}
