namespace ReportEngine.Service.Web.Requests;

/// <summary>Where an on-demand request stands (web.md): queued, rendering, archiving, then done or failed.</summary>
public static class RequestStatus
{
    public const string Queued = "queued";
    public const string Rendering = "rendering";
    public const string Archiving = "archiving";
    public const string Done = "done";
    public const string Failed = "failed";

    public static bool IsFinished(string status) => status is Done or Failed;
}
