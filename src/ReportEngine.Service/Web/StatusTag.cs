namespace ReportEngine.Service.Web;

/// <summary>How the dashboard shows statuses; figures are written as the report writes them (<see cref="Composition.ReportFormat.Metric"/>), times as <see cref="LocalTimes"/>.</summary>
public static class StatusTag
{
    /// <summary>A status as a coloured tag; the word is always shown too, so colour is never the only sign.</summary>
    public static string ClassOf(string status) => status switch
    {
        "done" or "intact" => "app-tag--green",
        "failed" or "broken" => "app-tag--red",
        "queued" => "app-tag--grey",
        "draft" => "app-tag--yellow",
        _ => "app-tag--blue",
    };

    /// <summary>A status as the tag words it, in sentence case: "Done", "Rendering" (the API keeps its lower-case codes).</summary>
    public static string Words(string status) => status.Length == 0 ? status : char.ToUpperInvariant(status[0]) + status[1..];
}
