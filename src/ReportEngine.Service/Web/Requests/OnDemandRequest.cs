namespace ReportEngine.Service.Web.Requests;

/// <summary>A report a person asked for from the dashboard or the API, and how far it has got.</summary>
public sealed record OnDemandRequest(
    long Id,
    string Authority,
    string Kind,
    string Period,
    string? Statement,
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
    /// <summary>The report as written in job arguments and the archive: <c>NDC/monthly/2024-01</c>.</summary>
    public string Report => Statement is null ? $"{Authority}/{Kind}/{Period}" : $"{Authority}/{Kind}/{Period}/{Statement}";

    public bool IsFinished => RequestStatus.IsFinished(Status);
}
