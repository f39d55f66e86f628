using ReportEngine.Composition;
using ReportEngine.Kinds;
using ReportEngine.Review;

namespace ReportEngine.Tests.Review;

public sealed class CommentaryTests
{
    private static readonly DateOnly Day = new(2024, 2, 5);

    [Fact]
    public void Four_thousand_characters_are_allowed_counting_an_emoji_as_one_and_one_more_is_refused()
    {
        Assert.Null(Commentary.Problem(new string('a', 3999) + "😀")); // 4,001 UTF-16 code units, 4,000 characters
        Assert.Equal("is 4,001 characters long; at most 4,000 are allowed", Commentary.Problem(new string('a', 4000) + "😀"));
    }

    [Fact]
    public void Welsh_markup_and_template_braces_are_text_but_a_control_character_is_refused()
    {
        Assert.Null(Commentary.Problem("Mae'r ffigurau'n gwella: ŵ ŷ â.\n<script>alert(1)</script> {{ pack.authority_name }}\r\n\tDiolch 🏴󠁧󠁢󠁷󠁬󠁳󠁿"));
        Assert.Equal("holds a control character (U+0007) at character 4", Commentary.Problem("abc\u0007"));
    }

    [Fact]
    public void Paragraphs_are_split_by_blank_lines_and_keep_their_own_line_breaks()
    {
        var commentary = new Commentary("overall", "First line\nsecond line\r\n\r\n\r\nNext paragraph\n\n  \n", "A Officer", Day);
        Assert.Equal(["First line\nsecond line", "Next paragraph"], commentary.Paragraphs());
    }

    [Fact]
    public void The_view_gives_the_draft_mark_or_the_sign_off_and_leaves_out_a_slot_left_blank()
    {
        var draft = ReviewView.Of(new ReviewMarks(true, null,
            [new Commentary("overall", "Waits are falling.", "Ann Officer", Day), new Commentary("workforce", " \n\n ", "Ann Officer", Day)]));
        Assert.Equal("DRAFT — not for circulation", draft.DraftMark);
        Assert.Null(draft.ApprovedBy);
        var overall = Assert.IsType<CommentaryView>(Assert.Single(draft.Commentary).Value);
        Assert.Equal(["Waits are falling."], overall.Paragraphs);
        Assert.Equal("Ann Officer, 5 February 2024", overall.Byline);

        var approved = ReviewView.Of(new ReviewMarks(false, new Approval("Bea Director", "Approver", new DateOnly(2024, 2, 7)), []));
        Assert.Null(approved.DraftMark);
        Assert.Equal("Approved by Bea Director (Approver) on 7 February 2024", approved.ApprovedBy);
    }

    [Fact]
    public void Each_kind_names_its_commentary_slots_overall_first()
    {
        Assert.Equal(["overall", "scorecard", "coverage", "assessing-needs", "safeguarding", "learning", "complaints", "workforce", "actions"],
            ReportKinds.Monthly.CommentarySlots);
        Assert.Equal(["overall", "handling"], ReportKinds.ComplaintsAnnual.CommentarySlots);
        Assert.Equal(["overall"], ReportKinds.QualityStatement.CommentarySlots);
    }
}
