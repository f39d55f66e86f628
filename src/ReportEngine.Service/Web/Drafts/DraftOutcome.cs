using ReportEngine.Issuing;
using ReportEngine.Review;

namespace ReportEngine.Service.Web.Drafts;

/// <summary>What became of a change asked of a draft (review.md); each answers with its own HTTP status.</summary>
public abstract record DraftOutcome
{
    /// <summary>The change was made; the draft as it now stands.</summary>
    public sealed record Changed(Draft Draft) : DraftOutcome;

    /// <summary>Approved: the archive entry it issued.</summary>
    public sealed record Approved(Draft Draft, string ArchiveId) : DraftOutcome;

    /// <summary>No such draft, or one of an authority not granted: answered alike (404).</summary>
    public sealed record NotFound : DraftOutcome;

    /// <summary>What was sent cannot be taken (422): an unknown slot, text over the limit, a reason missing.</summary>
    public sealed record Invalid(string Field, string Problem) : DraftOutcome;

    /// <summary>The person may not do this to this draft (403): four eyes, or a role that does not approve.</summary>
    public sealed record Refused(string Reason) : DraftOutcome;

    /// <summary>The draft's state does not allow it (409): approved, discarded, stale, or not open.</summary>
    public sealed record Conflict(string Reason) : DraftOutcome;
}
