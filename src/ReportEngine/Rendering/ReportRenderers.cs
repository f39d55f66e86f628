using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Templating;

namespace ReportEngine.Rendering;

/// <summary>One renderer per report kind, sharing the warm browser; each kind's templates are read once per process.</summary>
public sealed class ReportRenderers(ChromiumPdfPrinter printer, ReportOptions options, TimeProvider clock, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, ReportRenderer> _renderers = new(StringComparer.Ordinal);

    public ReportOptions Options => options;

    public ReportRenderer For(ReportKind kind) =>
        _renderers.GetOrAdd(kind.TemplateFolder, folder => With(TemplateSet.Load(options.TemplatesRoot, folder)));

    /// <summary>A renderer for other templates (an archived set, when a report is rendered again).</summary>
    public ReportRenderer With(TemplateSet templates) => new(templates, printer, options, clock, loggers.CreateLogger<ReportRenderer>());
}
