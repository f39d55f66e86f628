using ReportEngine.Review;

namespace ReportEngine.Archive;

/// <summary>
/// What an approved draft's archive entry records of its review (review.md): the draft, who approved it, and its
/// commentary as printed (the entry's <see cref="ArchiveFile.Review"/> file, whose SHA-256 the signed record holds).
/// </summary>
public sealed record SignOff(DraftId Draft, ReviewMarks Marks)
{
    /// <summary><c>Jo Bloggs (Approver) on 2026-12-06</c>.</summary>
    public string ApprovedBy => Marks.ApprovedBy is { } a ? $"{a.Name} ({a.Role}) on {a.On:yyyy-MM-dd}" : throw new InvalidOperationException("a sign-off without an approval");
}
