using ReportEngine.Review;

namespace ReportEngine.Composition;

/// <summary>
/// Review's marks as the templates print them: the DRAFT mark, "Approved by …", and each commentary slot's paragraphs
/// with its byline, keyed by slot (objects, so that a template can ask whether a slot has any).
/// </summary>
/// <param name="DraftMark">"DRAFT — not for circulation" on a draft; null on an approved report.</param>
/// <param name="ApprovedBy">"Approved by NAME (ROLE) on DATE"; null on a draft.</param>
public sealed record ReviewView(string? DraftMark, string? ApprovedBy, IDictionary<string, object> Commentary)
{
    public static ReviewView Of(ReviewMarks marks) => new(
        marks.Draft ? ReviewMarks.DraftMark : null,
        marks.ApprovedBy is { } a ? $"Approved by {a.Name} ({a.Role}) on {ReportFormat.Date(a.On)}" : null,
        marks.Commentary.Select(c => (c.Slot, View: new CommentaryView(c.Paragraphs(), $"{c.Author}, {ReportFormat.Date(c.ChangedOn)}")))
            .Where(c => c.View.Paragraphs.Count > 0)
            .ToDictionary(c => c.Slot, c => (object)c.View, StringComparer.Ordinal));
}

/// <summary>One slot's commentary: its paragraphs as written, and who last changed it on which day.</summary>
public sealed record CommentaryView(IReadOnlyList<string> Paragraphs, string Byline);
