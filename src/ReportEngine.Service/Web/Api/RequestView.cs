using ReportEngine.Service.Web.Requests;

namespace ReportEngine.Service.Web.Api;

/// <summary>A request as the API shows it (web.md).</summary>
public sealed record RequestView(long Id, string Authority, string Kind, string Period, string? Statement, string Status, int Progress,
    string? ArchiveId, string? Error, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, long? DraftId)
{
    public static RequestView Of(OnDemandRequest r) => new(r.Id, r.Report.Authority, r.Report.Kind.Name, r.Report.Period.ToString(),
        r.Report.Statement is null ? null : r.Report.Parameter, r.Status, r.Progress, r.ArchiveId, r.Error,
        r.RequestedBy, r.RequestedAt, r.FinishedAt, r.Draft?.Value);
}

/// <summary>An archive entry as the API lists it (web.md).</summary>
/// <param name="SupersededBy">The entry that replaced this one, when the list holds it (<c>all=true</c>).</param>
public sealed record PackView(string ArchiveId, string Authority, string Kind, string Period, string? Statement, DateTimeOffset IssuedAt, int? Pages,
    string? PdfSha256, string? Supersedes, string? SupersededBy);
