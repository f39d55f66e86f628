using System.Diagnostics;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.Printing;

namespace ReportEngine.Rendering;

internal enum RenderStage { Compute, Template, Print }

/// <summary>What one render has spent so far, stage by stage, and what its prints blocked; it makes the finished report.</summary>
/// <param name="author">Who the report is by, for its PDF's document information: the authority's name.</param>
internal sealed class RenderRun(ReportIdentity report, TimeSpan gatherTime, string author)
{
    private readonly Dictionary<RenderStage, TimeSpan> _spent = [];
    private readonly List<string> _blocked = [];
    private Task<byte[]>? _metricsJson;

    public ReportIdentity Report => report;

    public T Time<T>(RenderStage stage, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            _spent[stage] = _spent.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(started);
        }
    }

    public async Task<PrintedPdf> PrintAsync(Func<Task<PrintedPdf>> print)
    {
        var started = Stopwatch.GetTimestamp();
        var printed = await print();
        _spent[RenderStage.Print] = _spent.GetValueOrDefault(RenderStage.Print) + Stopwatch.GetElapsedTime(started);
        _blocked.AddRange(printed.BlockedRequests);
        return printed;
    }

    /// <summary>
    /// Writes metrics.json from the figures while the report prints: the figures are final before the print, and the
    /// process mostly waits for Chromium then (issue 26: it was a few milliseconds after the print).
    /// </summary>
    public void WriteMetricsJsonAside(IReportFigures figures) => _metricsJson = Task.Run(() => MetricsJson.Serialize(report, figures));

    public async Task<RenderedReport> RenderedAsync(byte[] pdf, int pages, IReportFigures figures, Lazy<(object Model, PrintJob Job)> composed, int passes,
        Composition.ReportContext context) =>
        new(report, WithDocumentInfo(pdf), pages, await (_metricsJson ?? throw new InvalidOperationException("metrics.json is written aside before the print")),
            figures, composed, passes,
            _blocked.Distinct().ToArray(),
            new ReportTimings(gatherTime, _spent.GetValueOrDefault(RenderStage.Compute), _spent.GetValueOrDefault(RenderStage.Template),
                _spent.GetValueOrDefault(RenderStage.Print)), context);

    /// <summary>
    /// The PDF's document information names the authority as its author and ReportEngine as its creator (Chromium writes
    /// its own browser string there); a PDF this cannot update is left as printed.
    /// </summary>
    private byte[] WithDocumentInfo(byte[] pdf) =>
        IncrementalUpdate.SetDocumentInfo(pdf, new Dictionary<string, string>
        {
            ["/Author"] = author,
            ["/Creator"] = $"ReportEngine {Foundation.EngineVersion.Current}",
        }) ?? pdf;
}
