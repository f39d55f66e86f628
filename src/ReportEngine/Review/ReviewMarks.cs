namespace ReportEngine.Review;

/// <summary>
/// What review adds to a report's pages (review.md): the DRAFT marks while it is a draft, "Approved by" once it is
/// signed off, and the commentary in its slots. None of it is a figure: the report's <c>metrics.json</c> is the same
/// with or without it.
/// </summary>
/// <param name="Draft">A draft: "DRAFT — not for circulation" across every page and in the running header.</param>
/// <param name="ApprovedBy">The sign-off of an approved report; null for a draft.</param>
public sealed record ReviewMarks(bool Draft, Approval? ApprovedBy, IReadOnlyList<Commentary> Commentary)
{
    public const string DraftMark = "DRAFT — not for circulation";
}
