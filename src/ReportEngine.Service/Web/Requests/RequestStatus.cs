namespace ReportEngine.Service.Web.Requests;

/// <summary>
/// Where an on-demand request stands (web.md): queued, rendering, archiving, then done or failed; a request for a
/// reviewed report ends as a draft (review.md), which only an approval issues.
/// </summary>
public static class RequestStatus
{
    public const string Queued = "queued";
    public const string Rendering = "rendering";
    public const string Archiving = "archiving";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Draft = "draft";

    public static bool IsFinished(string status) => status is Done or Failed or Draft;
}
