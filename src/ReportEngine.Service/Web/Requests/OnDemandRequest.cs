using ReportEngine.Kinds;

namespace ReportEngine.Service.Web.Requests;

/// <summary>A report a person asked for from the dashboard or the API, and how far it has got.</summary>
public sealed record OnDemandRequest(
    long Id,
    ReportIdentity Report,
    bool Regenerate,
    string? Reason,
    long AccountId,
    string RequestedBy,
    string Status,
    int Progress,
    string? Stage,
    string? ArchiveId,
    string? Error,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsFinished => RequestStatus.IsFinished(Status);

    /// <summary>A regeneration with unchanged evidence and templates is delivered again only when asked.</summary>
    public bool DeliverAgain { get; init; }

    /// <summary>The draft a request for a reviewed report made or found (review.md).</summary>
    public ReportEngine.Review.DraftId? Draft { get; init; }
}
