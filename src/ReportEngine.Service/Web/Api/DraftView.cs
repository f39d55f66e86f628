using ReportEngine.Issuing;
using ReportEngine.PostgreSql;
using ReportEngine.Review;

namespace ReportEngine.Service.Web.Api;

/// <summary>A draft as the API lists it (review.md).</summary>
public sealed record DraftView(long DraftId, string Authority, string Kind, string Period, string? Statement, string State, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static DraftView Of(Draft d) => new(d.Id.Value, d.Report.Authority, d.Report.Kind.Name, d.Report.Period.ToString(),
        d.Report.Statement is null ? null : d.Report.Parameter, d.State, d.Version, d.CreatedAt, d.UpdatedAt);
}

/// <summary>
/// One draft in full: every commentary slot of its kind (empty text where nothing is written), why it was returned or
/// discarded, the entry its approval issued, and its versions.
/// </summary>
public sealed record DraftDetailsView(long DraftId, string Authority, string Kind, string Period, string? Statement, string State, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string CreatedBy, string? StateReason, string? ArchiveId, string? LastCommentaryBy,
    IReadOnlyList<CommentaryView> Commentary, IReadOnlyList<DraftVersionView> History)
{
    public static DraftDetailsView Of(Draft d, IReadOnlyList<DraftVersion> history) => new(d.Id.Value, d.Report.Authority, d.Report.Kind.Name,
        d.Report.Period.ToString(), d.Report.Statement is null ? null : d.Report.Parameter, d.State, d.Version, d.CreatedAt, d.UpdatedAt, d.CreatedBy,
        d.StateReason, d.ArchiveId, d.LastCommentaryBy,
        d.Report.Kind.CommentarySlots.Select(slot => d.Commentary.FirstOrDefault(c => c.Slot == slot) is { } c
            ? new CommentaryView(slot, c.Text, c.Author, c.ChangedOn)
            : new CommentaryView(slot, "", null, null)).ToList(),
        history.Select(v => new DraftVersionView(v.Version, v.MadeAt, v.MadeBy, v.What)).ToList());
}

public sealed record CommentaryView(string Slot, string Text, string? Author, DateOnly? ChangedOn);

public sealed record DraftVersionView(int Version, DateTimeOffset MadeAt, string MadeBy, string What);

/// <summary>The body of <c>PUT …/commentary/{slot}</c>.</summary>
public sealed record CommentaryForm(string? Text);

/// <summary>The body of <c>POST …/return</c> and <c>…/discard</c>.</summary>
public sealed record ReasonForm(string? Reason);

/// <summary>The answer to an approval: the archive entry it issued.</summary>
public sealed record ApprovalView(string ArchiveId);
