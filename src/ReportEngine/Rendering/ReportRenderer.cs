using System.Diagnostics;
using ReportEngine.Composition;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Metrics;
using ReportEngine.Templating;
using Scriban.Runtime;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace ReportEngine.Rendering;

/// <summary>
/// The pipeline of one report: compute → compose → template → print, for evidence already gathered. Writes nothing.
/// The contents page needs page numbers, so a report is printed twice: the first print, a cheap one without header,
/// footer, backgrounds or tags, is read only for where its bookmarks fall.
/// One renderer serves one kind's <see cref="TemplateSet"/>.
/// </summary>
public sealed class ReportRenderer(TemplateSet templateSet, ChromiumPdfPrinter printer, ReportOptions options, TimeProvider clock)
{
    public const string DocumentTemplate = "pack.sbn-html";
    public const string HeaderTemplate = "header.sbn-html";
    public const string FooterTemplate = "footer.sbn-html";

    /// <summary>The first print for page numbers, the final one, and at most two to correct a contents page that moved a section.</summary>
    private const int MaxPrintPasses = 4;

    private readonly HtmlTemplateRenderer _templates = new(templateSet);

    private static readonly ScriptObject Functions = CreateFunctions();

    public TemplateSet Templates => templateSet;

    public ReportOptions Options => options;

    /// <summary>Renders gathered evidence as <paramref name="report"/>; an archived report also carries its <paramref name="archived"/> identity.</summary>
    public async Task<RenderedReport> RenderAsync(GatheredEvidence gathered, ReportIdentity report, ArchiveIdentity? archived = null,
        IProgress<ReportProgress>? progress = null, CancellationToken cancellationToken = default, TimeSpan gatherTime = default)
    {
        if (report.Kind.TemplateFolder != templateSet.Kind)
            throw new ArgumentException($"a {report.Kind.Name} report cannot be rendered with the templates of {templateSet.Kind}", nameof(report));
        var watch = Stopwatch.StartNew();
        progress?.Report(new ReportProgress(ReportStage.Computing, 15, "Computing the figures"));
        var figures = report.Kind.Compute(gathered.Evidence, report);
        var computeTime = watch.Elapsed;

        progress?.Report(new ReportProgress(ReportStage.Composing, 25, "Composing the report"));
        watch.Restart();
        var context = new ReportContext(gathered, report.Kind.Title, report.Period,
            new ReportRunFacts(archived?.GeneratedAt ?? clock.GetUtcNow(), templateSet.Version, Foundation.EngineVersion.Current,
                archived?.ProtectiveMarking ?? options.ProtectiveMarking, archived?.ArchiveId, archived?.SnapshotSha256));
        var (_, firstJob) = Compose(report.Kind, context, figures, []);
        var templateTime = watch.Elapsed;

        progress?.Report(new ReportProgress(ReportStage.Printing, 35, "Printing (first pass, for page numbers)"));
        watch.Restart();
        var first = await PrintPassAsync(firstJob.ForPageNumbers(), "page numbers", cancellationToken);
        var contents = ReadContents(first.Pdf);
        var printTime = watch.Elapsed;
        var blocked = first.BlockedRequests.ToList();

        // The final print is checked against the numbers it prints: should the filled-in contents page ever move a
        // section (a longer contents page, say), the report is printed again with the numbers that print gave.
        object model;
        PrintJob job;
        PrintedPdf final;
        var passes = 1;
        while (true)
        {
            watch.Restart();
            (model, job) = Compose(report.Kind, context, figures, contents);
            templateTime += watch.Elapsed;
            progress?.Report(new ReportProgress(ReportStage.Printing, 65, "Printing"));
            watch.Restart();
            final = await PrintPassAsync(job, passes == 1 ? "final" : "correction", cancellationToken);
            printTime += watch.Elapsed;
            blocked.AddRange(final.BlockedRequests);
            passes++;
            var printed = ReadContents(final.Pdf);
            if (printed.SequenceEqual(contents)) break;
            if (passes == MaxPrintPasses)
                throw new Printing.PrintFailedException($"The contents page did not settle after {passes} prints: its page numbers keep moving the sections.");
            contents = printed;
        }

        progress?.Report(new ReportProgress(ReportStage.Done, 95, "Printed"));
        return new RenderedReport(
            report,
            final.Pdf,
            MetricsJson.Serialize(report, figures),
            figures,
            model,
            job,
            passes,
            blocked.Distinct().ToArray(),
            new ReportTimings(gatherTime, computeTime, templateTime, printTime));
    }

    /// <summary>One print of the report, traced as a <c>print</c> span named for its pass.</summary>
    private async Task<PrintedPdf> PrintPassAsync(PrintJob job, string pass, CancellationToken cancellationToken)
    {
        using var span = Telemetry.ReportTelemetry.Source.StartActivity("print");
        span?.SetTag("reportengine.print_pass", pass);
        return await printer.PrintAsync(job, cancellationToken);
    }

    /// <summary>Builds the view model and renders the document, header and footer templates.</summary>
    public (object Model, PrintJob Job) Compose(ReportKind kind, ReportContext context, IReportFigures figures, IReadOnlyList<ContentsEntry> contents)
    {
        var model = kind.BuildViewModel(context, figures, contents);
        return (model, new PrintJob(
            _templates.Render(DocumentTemplate, model, Functions),
            _templates.Render(HeaderTemplate, model, Functions),
            _templates.Render(FooterTemplate, model, Functions)));
    }
    /// <summary>The top-level bookmarks (the h1 headings) of a printed pack with their pages.</summary>
    public static IReadOnlyList<ContentsEntry> ReadContents(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        if (!document.TryGetBookmarks(out var bookmarks)) return [];
        return bookmarks.Roots.OfType<DocumentBookmarkNode>().Select(b => new ContentsEntry(b.Title, b.PageNumber)).ToList();
    }

    private static ScriptObject CreateFunctions()
    {
        var fmt = new ScriptObject();
        fmt.Import(typeof(ReportFormat));
        var functions = new ScriptObject { ["fmt"] = fmt };
        return functions;
    }
}
