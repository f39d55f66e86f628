using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Review;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Rendering;

/// <summary>
/// What review adds to a report's pages (review.md), printed for real: a draft's marks on every page and in the running
/// header, commentary printed exactly as written at the top of its section, an approved report's sign-off on the cover
/// and in the provenance — and never a change to a figure.
/// </summary>
[Collection(RenderingCollection.Name)]
public sealed class ReviewMarksTests(SamplePackFixture fixture)
{
    private static readonly DateOnly Day = new(2024, 2, 5);

    /// <summary>Welsh, an emoji, markup and template braces: all of it text.</summary>
    private const string Hostile = "Mae'r amseroedd aros yn gwella 👍\n<script>alert('x')</script> {{ pack.authority_name }} & <b>bold</b>";

    [Fact]
    public async Task A_draft_is_marked_on_every_page_and_in_its_header_prints_its_commentary_as_written_and_its_figures_are_the_reports()
    {
        var review = new ReviewMarks(true, null,
        [
            new Commentary("overall", "Waits for assessment fell for the third month.\n\nThe safeguarding backlog is the risk to watch.", "Ann Officer", Day),
            new Commentary("assessing-needs", Hostile, "Ann Officer", Day),
        ]);
        var draft = await fixture.RenderAsync(Repo.Sample, ReportKinds.Monthly, "2024-01", review: review);
        var pages = PdfText.PerPage(draft.Pdf);

        // The mark across every page, and the running header's DRAFT beside the marking.
        Assert.All(pages, page => Assert.Contains("DRAFT — not for circulation", page));
        Assert.Contains("DRAFT — not for circulation · OFFICIAL-SENSITIVE", draft.FinalPrint.HeaderHtml);
        var text = string.Join("\n", pages);
        Assert.Contains("Waits for assessment fell for the third month.", text);
        Assert.Contains("The safeguarding backlog is the risk to watch.", text);
        Assert.Contains("<script>alert('x')</script> {{ pack.authority_name }} & <b>bold</b>", text);
        Assert.Contains("Mae'r amseroedd aros yn gwella", text);
        Assert.Contains("Ann Officer, 5 February 2024", text);
        Assert.Contains("&lt;script&gt;", draft.FinalPrint.Html);
        Assert.DoesNotContain("<script>", draft.FinalPrint.Html);
        // The figures are the report's own, byte for byte: review changes pages, never figures.
        Assert.Equal(fixture.Pack.MetricsJson, draft.MetricsJson);
        Assert.DoesNotContain("Approved by", text);
    }

    [Fact]
    public async Task An_approved_annual_report_names_its_approver_on_the_cover_and_in_the_provenance_and_prints_the_handling_section()
    {
        var review = new ReviewMarks(false, new Approval("Bea Director", "Approver", new DateOnly(2024, 5, 2)),
            [new Commentary("handling", "Replies were late while the team was short of two officers.", "Ann Officer", Day)]);
        var approved = await fixture.RenderAsync(Repo.Sample, ReportKinds.ComplaintsAnnual, "2023-24", review: review);
        var plain = await fixture.RenderAsync(Repo.Sample, ReportKinds.ComplaintsAnnual, "2023-24");
        var pages = PdfText.PerPage(approved.Pdf).Select(p => p.Replace('\n', ' ')).ToList(); // a heading may wrap

        Assert.Contains("Approved by Bea Director (Approver) on 2 May 2024", pages[0]);
        Assert.Contains("Approved by Bea Director (Approver) on 2 May 2024", pages[^1] + pages[^2]);
        Assert.DoesNotContain(pages, p => p.Contains("DRAFT", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("Matters arising from the complaints and their handling Commentary Replies were late while the team was short of two officers. Ann Officer, 5 February 2024"));
        Assert.Contains("Matters arising from the complaints and their handling", pages[1]); // a section of its own, in the contents
        Assert.DoesNotContain("Matters arising", string.Join("\n", PdfText.PerPage(plain.Pdf)));
        Assert.Equal(plain.MetricsJson, approved.MetricsJson);
    }

    [Fact]
    public async Task Commentary_in_a_slot_the_kind_lacks_or_over_the_limit_is_refused_naming_the_slot_and_nothing_is_printed()
    {
        var unknown = new ReviewMarks(true, null, [new Commentary("handling", "Only the annual report has this slot.", "Ann Officer", Day)]);
        var refused = await Assert.ThrowsAsync<ReportEngine.Foundation.ReportRequestRefusedException>(() =>
            fixture.RenderAsync(Repo.Sample, ReportKinds.QualityStatement, "2024-01", ReportEngine.Evidence.QualityStatement.Learning, review: unknown));
        Assert.Equal("commentary 'handling': a quality-statement report has no such slot; its slots are overall", refused.Message);

        var tooLong = new ReviewMarks(true, null, [new Commentary("workforce", new string('x', Commentary.MostCharacters + 1), "Ann Officer", Day)]);
        refused = await Assert.ThrowsAsync<ReportEngine.Foundation.ReportRequestRefusedException>(() =>
            fixture.RenderAsync(Repo.Sample, ReportKinds.Monthly, "2024-01", review: tooLong));
        Assert.Equal("commentary 'workforce' is 4,001 characters long; at most 4,000 are allowed", refused.Message);

        // Exactly at the limit, it prints whole.
        var atLimit = new ReviewMarks(true, null, [new Commentary("workforce", new string('x', Commentary.MostCharacters - 1) + "😀", "Ann Officer", Day)]);
        var printed = await fixture.RenderAsync(Repo.Sample, ReportKinds.Monthly, "2024-01", review: atLimit);
        Assert.Contains($"<p class=\"commentary-text\">{new string('x', Commentary.MostCharacters - 1)}&#128512;</p>", printed.FinalPrint.Html);
        Assert.Contains(new string('x', 500), string.Concat(PdfText.PerPage(printed.Pdf)).Replace("\n", ""));
    }
}
