using ReportEngine.Archive;
using ReportEngine.Review;

namespace ReportEngine.Tests.Review;

/// <summary>What an approved report's archive entry keeps of its review (review.md), and how its record is hashed.</summary>
public sealed class SignOffTests
{
    private static readonly ReviewMarks Approved = new(false, new Approval("Jo Bloggs", "Approver", new DateOnly(2026, 12, 6)),
        [new Commentary("overall", "Waits fell.\n\n<b>Not</b> markup: “quoted” 🙂", "Sam Writer", new DateOnly(2026, 12, 5))]);

    [Fact]
    public void The_review_file_gives_back_the_sign_off_and_every_character_of_the_commentary()
    {
        var again = ArchivedReview.Deserialize(ArchivedReview.Serialize(Approved));
        Assert.False(again.Draft);
        Assert.Equal(Approved.ApprovedBy, again.ApprovedBy);
        Assert.Equal(Approved.Commentary, again.Commentary);
        // The same review always gives the same bytes, so its SHA-256 names it.
        Assert.Equal(ArchivedReview.Serialize(Approved), ArchivedReview.Serialize(again));
    }

    [Fact]
    public void A_file_that_is_not_a_review_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => ArchivedReview.Deserialize("{\"format\":\"something-else\",\"approved_by\":null,\"commentary\":[]}"u8.ToArray()));
    }

    [Fact]
    public void The_sign_off_names_the_approver_their_role_and_the_day()
    {
        Assert.Equal("Jo Bloggs (Approver) on 2026-12-06", new SignOff(new DraftId(7), Approved).ApprovedBy);
    }

    [Fact]
    public void An_entry_records_hash_covers_its_draft_and_approver_and_records_without_them_keep_their_hashes()
    {
        var plain = new ArchiveRecord { Seq = 1, Id = "NDC-2024-01-monthly-x", Type = ArchiveRecordType.Entry, CreatedAt = DateTimeOffset.UnixEpoch, PreviousHash = ArchiveRecord.Genesis };
        Assert.DoesNotContain("draft", plain.CanonicalText());
        var signed = plain with { Draft = "7", ApprovedBy = "Jo Bloggs (Approver) on 2026-12-06" };
        Assert.NotEqual(plain.ComputeHash(), signed.ComputeHash());
        Assert.NotEqual(signed.ComputeHash(), (signed with { ApprovedBy = "Someone Else (Admin) on 2026-12-06" }).ComputeHash());
    }

    [Theory]
    [InlineData("required", ReviewMode.Required)]
    [InlineData(" None ", ReviewMode.None)]
    [InlineData("sometimes", null)]
    public void A_review_mode_is_required_or_none(string text, ReviewMode? mode) => Assert.Equal(mode, ReviewModes.Parse(text));
}
