namespace ReportEngine.Service.Web.Requests;

/// <summary>What a person asks for: the API's JSON body and the request page's form alike.</summary>
public sealed class RequestForm
{
    public string? Authority { get; set; }
    public string? Kind { get; set; }
    public string? Period { get; set; }
    public string? Statement { get; set; }
    public bool Regenerate { get; set; }
    public string? Reason { get; set; }

    /// <summary>With <see cref="Regenerate"/>: deliver to the recipients again even when nothing in the report changed.</summary>
    public bool Deliver { get; set; }
}
