using System.Diagnostics;
using System.Reflection;
using ReportEngine.Composition;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using ReportEngine.Templating;
using Scriban.Runtime;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace ReportEngine.Packs;

/// <summary>
/// The pipeline of one pack: gather → compute → compose → template → print. Writes nothing; see <see cref="PackOutput"/>.
/// The contents page needs page numbers, so a pack is printed twice: the first print's bookmarks give the pages.
/// </summary>
public sealed class PackRenderer(PackKind kind, TemplateSet templateSet, ChromiumPdfPrinter printer, PackOptions options, TimeProvider clock)
{
    private readonly HtmlTemplateRenderer _templates = new(templateSet);

    public static string EngineVersion { get; } =
        typeof(PackRenderer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static readonly ScriptObject Functions = CreateFunctions();

    public PackKind Kind => kind;

    public TemplateSet Templates => templateSet;

    public PackOptions Options => options;

    public async Task<RenderedPack> RenderAsync(IEvidenceSource source, ReportingPeriod period,
        IProgress<PackProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        progress?.Report(new PackProgress(PackStage.Gathering, 0, "Reading the evidence"));
        var gathered = await source.GatherAsync(cancellationToken);
        return await RenderAsync(gathered, period, null, progress, cancellationToken, watch.Elapsed);
    }

    /// <summary>Renders already gathered evidence; an archived pack also carries its <paramref name="identity"/>.</summary>
    public async Task<RenderedPack> RenderAsync(GatheredEvidence gathered, ReportingPeriod period, PackIdentity? identity,
        IProgress<PackProgress>? progress = null, CancellationToken cancellationToken = default, TimeSpan gatherTime = default)
    {
        var watch = Stopwatch.StartNew();
        progress?.Report(new PackProgress(PackStage.Computing, 15, "Computing the figures"));
        var metrics = PackMetrics.Compute(gathered.Evidence, period);
        var computeTime = watch.Elapsed;

        progress?.Report(new PackProgress(PackStage.Composing, 25, "Composing the pack"));
        watch.Restart();
        var context = new PackContext(gathered, period, metrics,
            new PackRunFacts(identity?.GeneratedAt ?? clock.GetUtcNow(), templateSet.Version, EngineVersion,
                identity?.ProtectiveMarking ?? options.ProtectiveMarking, identity?.ArchiveId, identity?.SnapshotSha256));
        var (_, firstJob) = Compose(context, []);
        var templateTime = watch.Elapsed;

        progress?.Report(new PackProgress(PackStage.Printing, 35, "Printing (first pass, for page numbers)"));
        watch.Restart();
        var first = await printer.PrintAsync(firstJob, cancellationToken);
        var contents = ReadContents(first.Pdf);
        var printTime = watch.Elapsed;

        watch.Restart();
        var (model, job) = Compose(context, contents);
        templateTime += watch.Elapsed;

        progress?.Report(new PackProgress(PackStage.Printing, 65, "Printing"));
        watch.Restart();
        var final = await printer.PrintAsync(job, cancellationToken);
        printTime += watch.Elapsed;

        progress?.Report(new PackProgress(PackStage.Done, 95, "Printed"));
        return new RenderedPack(
            kind.FileName(gathered.Evidence.Authority.Code, period),
            final.Pdf,
            MetricsJson.Serialize(metrics),
            metrics,
            model,
            job,
            PrintPasses: 2,
            first.BlockedRequests.Concat(final.BlockedRequests).ToArray(),
            new PackTimings(gatherTime, computeTime, templateTime, printTime));
    }

    /// <summary>Builds the view model and renders the document, header and footer templates.</summary>
    public (object Model, PrintJob Job) Compose(PackContext context, IReadOnlyList<ContentsEntry> contents)
    {
        var model = kind.Builder.Build(context, contents);
        return (model, new PrintJob(
            _templates.Render(PackKind.DocumentTemplate, model, Functions),
            _templates.Render(PackKind.HeaderTemplate, model, Functions),
            _templates.Render(PackKind.FooterTemplate, model, Functions)));
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
        fmt.Import(typeof(PackFormat));
        var functions = new ScriptObject { ["fmt"] = fmt };
        return functions;
    }
}
