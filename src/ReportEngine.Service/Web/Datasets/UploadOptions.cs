using System.ComponentModel.DataAnnotations;

namespace ReportEngine.Service.Web.Datasets;

/// <summary>web.md version 2's limits on a dataset uploaded in the browser or through the API (section <c>Uploads</c>).</summary>
public sealed class UploadOptions
{
    public const string Section = "ReportEngine:Uploads";

    /// <summary>At most this many files in an upload (web.md).</summary>
    public const int MostFiles = 40;

    /// <summary>The most a request's body may hold, and the most a zip's files may expand to, together.</summary>
    [Range(1024, 10L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How long an uploaded dataset waits for "Import" before it must be uploaded again.</summary>
    [Range(1, 24 * 30)]
    public int KeepHours { get; set; } = 24;
}
