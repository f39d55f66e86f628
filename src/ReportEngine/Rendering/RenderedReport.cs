using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Metrics;

namespace ReportEngine.Rendering;

/// <summary>A finished report in memory: the PDF and its page count, its metrics.json, what it took to make, and the context it was composed in (for its other editions).</summary>
public sealed record RenderedReport(
    ReportIdentity Report,
    byte[] Pdf,
    int Pages,
    byte[] MetricsJson,
    IReportFigures Figures,
    Lazy<(object Model, PrintJob Job)> Composed,
    int PrintPasses,
    IReadOnlyList<string> BlockedRequests,
    ReportTimings Timings,
    Composition.ReportContext Context)
{
    public string FileName => Report.FileName;

    /// <summary>The view model the print was made from, with its page numbers.</summary>
    public object ViewModel => Composed.Value.Model;

    /// <summary>The HTML of the print with its page numbers, as the templates write them.</summary>
    public PrintJob FinalPrint => Composed.Value.Job;
}

/// <summary>Wall-clock time per stage of one pack run.</summary>
public sealed record ReportTimings(TimeSpan Gather, TimeSpan Compute, TimeSpan Template, TimeSpan Print)
{
    public TimeSpan Total => Gather + Compute + Template + Print;

    /// <summary>Each stage by the name telemetry gives it.</summary>
    public IEnumerable<(string Stage, TimeSpan Time)> Stages => [("gather", Gather), ("compute", Compute), ("template", Template), ("print", Print)];
}

/// <summary>
/// What makes an archived pack that pack: its archive id and the hash of its frozen data snapshot (both printed in it),
/// and, when it is rendered again, the generated-at time and marking it was first issued with.
/// </summary>
public sealed record ArchiveIdentity(string ArchiveId, string SnapshotSha256, DateTimeOffset? GeneratedAt = null, string? ProtectiveMarking = null);
