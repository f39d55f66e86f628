using ReportEngine.Composition;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Metrics;
using ReportEngine.Templating;
using Microsoft.Extensions.Logging;
using Scriban.Runtime;

namespace ReportEngine.Rendering;

/// <summary>
/// The pipeline of one report: compute → compose → template → print, for evidence already gathered. Writes nothing.
/// The contents page needs page numbers: a report is printed once with placeholders as wide as the numbers, and the
/// numbers its bookmarks give are written into the PDF (<see cref="PageNumberPatch"/>). Where that cannot be done safely
/// it is printed twice, the first print (without header, footer, backgrounds or tags) read only for its bookmarks.
/// One renderer serves one kind's <see cref="TemplateSet"/>.
/// </summary>
public sealed class ReportRenderer(TemplateSet templateSet, ChromiumPdfPrinter printer, ReportOptions options, TimeProvider clock, ILogger<ReportRenderer> logger)
{
    public const string DocumentTemplate = "pack.sbn-html";
    public const string HeaderTemplate = "header.sbn-html";
    public const string FooterTemplate = "footer.sbn-html";

    /// <summary>The first print for page numbers, the final one, and at most two to correct a contents page that moved a section.</summary>
    private const int MaxPrintPasses = 4;

    private readonly HtmlTemplateRenderer _templates = new(templateSet);

    private static readonly ScriptObject Functions = CreateFunctions("print");
    private static readonly ScriptObject HtmlEditionFunctions = CreateFunctions("html");

    public TemplateSet Templates => templateSet;

    /// <summary>A page for the report's print, opened from now on, for a caller with work to do first (gathering the evidence).</summary>
    public PrintingPage OpenPage(CancellationToken cancellationToken = default) => printer.OpenPage(cancellationToken);

    public ReportOptions Options => options;

    private static Metrics.IReportFigures ComputeFigures(GatheredEvidence gathered, ReportIdentity report)
    {
        try
        {
            return report.Kind.Compute(gathered.Evidence, report);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or Foundation.PermanentFailureException))
        {
            throw new Foundation.FiguresFailedException(report.ToString(), ex);
        }
    }

    /// <summary>
    /// Renders gathered evidence as <paramref name="report"/>; an archived report also carries its <paramref name="archived"/>
    /// identity, and a reviewed one its <paramref name="review"/> marks (a draft's, or an approved report's sign-off, with
    /// the commentary), which change its pages and never its figures.
    /// </summary>
    public async Task<RenderedReport> RenderAsync(GatheredEvidence gathered, ReportIdentity report, ArchiveIdentity? archived = null,
        IProgress<ReportProgress>? progress = null, CancellationToken cancellationToken = default, TimeSpan gatherTime = default,
        Review.ReviewMarks? review = null, PrintingPage? page = null)
    {
        if (report.Kind.TemplateFolder != templateSet.Kind)
            throw new ArgumentException($"a {report.Kind.Name} report cannot be rendered with the templates of {templateSet.Kind}", nameof(report));
        RefuseCommentaryThatWouldNotPrint(report.Kind, review);
        var run = new RenderRun(report, gatherTime, gathered.Evidence.Authority.Name);
        // Chromium opens the page while the figures are computed and the templates written (issue 26: a tenth of a second),
        // unless the caller opened it earlier still, before gathering the evidence.
        await using var opened = page is null ? printer.OpenPage(cancellationToken) : null;
        page ??= opened!;
        progress?.Report(new ReportProgress(ReportStage.Computing, 15, "Computing the figures"));
        var figures = run.Time(RenderStage.Compute, () => ComputeFigures(gathered, report));
        run.WriteMetricsJsonAside(figures);

        progress?.Report(new ReportProgress(ReportStage.Composing, 25, "Composing the report"));
        var context = ContextOf(gathered, report, archived, review);
        var draft = run.Time(RenderStage.Template, () => Document(report.Kind, context, figures, PageNumbers.None, Functions));
        var headings = PageReferences.Headings(draft);
        var places = PageReferences.Places(draft);
        var standIns = PageReferences.StandIns(headings, places, draft);
        var numbered = standIns is null ? null : run.Time(RenderStage.Template, () => Compose(report.Kind, context, figures, standIns).Job);
        var marked = numbered is null ? null : PageReferences.Mark(numbered.Html);

        PageNumbers pages;
        if (numbered is not null && marked is { } placeholders)
        {
            progress?.Report(new ReportProgress(ReportStage.Printing, 40, "Printing"));
            var (pdf, pageCount, printed, whyNot) = await PrintOnceAsync(run, page, numbered with { Html = placeholders.Html }, placeholders.Order, headings, places, cancellationToken);
            if (pdf is not null)
            {
                progress?.Report(new ReportProgress(ReportStage.Done, 95, "Printed"));
                // The document with its numbers, and its view model, are composed only when read (tests, the benchmarks):
                // nothing that issues a report reads them, and composing them took a third of the template stage.
                return await run.RenderedAsync(pdf, pageCount, figures, new(() => Compose(report.Kind, context, figures, printed)), 1, context);
            }
            logger.LogWarning("The page numbers of {Report} could not be written into its print ({Reason}); it is printed again with them", report, whyNot);
            pages = printed;
        }
        else
        {
            logger.LogWarning("{Report} has {Headings} headings and {Places} places, prints a number taken for a page placeholder, or prints a page " +
                "number formatted; it is printed twice for its page numbers", report, headings.Count, places.Count);
            progress?.Report(new ReportProgress(ReportStage.Printing, 35, "Printing (first pass, for page numbers)"));
            // Every heading and place on a page as wide as three digits, so that the first print is laid out as the last.
            var provisional = new PageNumbers(headings.Select(h => new ContentsEntry(h, 999)).ToList(), places.ToDictionary(p => p, _ => 999, StringComparer.Ordinal));
            var (_, first) = run.Time(RenderStage.Template, () => Compose(report.Kind, context, figures, provisional));
            pages = Titled(PrintedPages.Read((await run.PrintAsync(() => PrintPassAsync(page, first.ForPageNumbers(), "page numbers", cancellationToken))).Pdf), headings);
        }
        return await PrintUntilSettledAsync(run, context, figures, pages, headings, progress, cancellationToken);
    }

    /// <summary>
    /// Commentary in a slot the kind does not have would silently not be printed, and text past the limit or holding a
    /// control character would not print as written: refused before anything is computed, naming the slot.
    /// </summary>
    private static void RefuseCommentaryThatWouldNotPrint(ReportKind kind, Review.ReviewMarks? review)
    {
        foreach (var commentary in review?.Commentary ?? [])
        {
            if (!kind.CommentarySlots.Contains(commentary.Slot, StringComparer.Ordinal))
                throw new Foundation.ReportRequestRefusedException(
                    $"commentary '{commentary.Slot}': a {kind.Name} report has no such slot; its slots are {string.Join(", ", kind.CommentarySlots)}");
            if (Review.Commentary.Problem(commentary.Text) is { } problem)
                throw new Foundation.ReportRequestRefusedException($"commentary '{commentary.Slot}' {problem}");
        }
    }

    /// <summary>
    /// One print with placeholders where the pages go, laid out as wide as three digits; the pages its own bookmarks and
    /// destinations give are written into it. Answers those pages, and the PDF and its page count unless the numbers could
    /// not be written (and why).
    /// </summary>
    private async Task<(byte[]? Pdf, int PageCount, PageNumbers Pages, string? WhyNot)> PrintOnceAsync(RenderRun run, PrintingPage page, PrintJob job,
        IReadOnlyList<int> order, IReadOnlyList<string> headings, IReadOnlyList<string> places, CancellationToken cancellationToken)
    {
        var printed = await run.PrintAsync(() => PrintPassAsync(page, job, "single", cancellationToken));
        // Opened once for its pages and for the patch: opening is most of reading either (7 ms of a 24-page pack).
        using var document = run.Time(RenderStage.Print, () => UglyToad.PdfPig.PdfDocument.Open(printed.Pdf));
        var pages = Titled(PrintedPages.Read(document), headings);
        if (!pages.Contents.Select(c => c.Title).SequenceEqual(headings)) return (null, 0, pages, "the printed bookmarks are not the document's headings");
        if (PageReferences.Pages(order, places, pages) is not { } numbers) return (null, 0, pages, "a place the document gives the page of has no destination in the print");
        var patched = run.Time(RenderStage.Print, () => PageNumberPatch.Apply(printed.Pdf, document, numbers));
        return (patched.Pdf, document.NumberOfPages, pages, patched.WhyNot);
    }

    /// <summary>
    /// Prints with the contents given and checks the print against the numbers it prints: should the filled-in contents
    /// page ever move a section (a longer contents page, say), the report is printed again with the numbers that print gave.
    /// </summary>
    private async Task<RenderedReport> PrintUntilSettledAsync(RenderRun run, ReportContext context, IReportFigures figures,
        PageNumbers pages, IReadOnlyList<string> headings, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        for (var passes = 2; ; passes++)
        {
            var (model, job) = run.Time(RenderStage.Template, () => Compose(run.Report.Kind, context, figures, pages));
            progress?.Report(new ReportProgress(ReportStage.Printing, 65, "Printing"));
            await using var page = printer.OpenPage(cancellationToken);
            var final = await run.PrintAsync(() => PrintPassAsync(page, job, passes == 2 ? "final" : "correction", cancellationToken));
            using var document = UglyToad.PdfPig.PdfDocument.Open(final.Pdf);
            var printed = Titled(PrintedPages.Read(document), headings);
            if (printed.SameAs(pages))
            {
                progress?.Report(new ReportProgress(ReportStage.Done, 95, "Printed"));
                return await run.RenderedAsync(final.Pdf, document.NumberOfPages, figures, new((model, job)), passes, context);
            }
            if (passes == MaxPrintPasses)
                throw new PrintFailedException($"The contents page did not settle after {passes} prints: its page numbers keep moving the sections.");
            pages = printed;
        }
    }

    /// <summary>
    /// The printed pages with the document's own headings as titles: Chromium's bookmark of a heading that wraps loses
    /// the space at the wrap ("Social CareOmbudsman"), which the contents page would print and which matches no heading.
    /// </summary>
    private static PageNumbers Titled(PageNumbers printed, IReadOnlyList<string> headings) =>
        printed.Contents.Count == headings.Count && printed.Contents.Zip(headings).All(p => Squeezed(p.First.Title) == Squeezed(p.Second))
            ? printed with { Contents = printed.Contents.Zip(headings, (entry, title) => entry with { Title = title }).ToList() }
            : printed;

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>One print of the report, traced as a <c>print</c> span named for its pass.</summary>
    private static async Task<PrintedPdf> PrintPassAsync(PrintingPage page, PrintJob job, string pass, CancellationToken cancellationToken)
    {
        using var span = Telemetry.ReportTelemetry.Source.StartActivity("print");
        span?.SetTag("reportengine.print_pass", pass);
        return await page.PrintAsync(job, cancellationToken);
    }

    /// <summary>Builds the view model and renders the document, header and footer templates.</summary>
    public (object Model, PrintJob Job) Compose(ReportKind kind, ReportContext context, IReportFigures figures, PageNumbers pages)
    {
        var model = kind.BuildViewModel(context, figures, pages);
        return (model, new PrintJob(
            _templates.Render(DocumentTemplate, model, Functions),
            _templates.Render(HeaderTemplate, model, Functions),
            _templates.Render(FooterTemplate, model, Functions)));
    }

    /// <summary>The document alone, without the running header and footer: what its headings and places are read from.</summary>
    private string Document(ReportKind kind, ReportContext context, IReportFigures figures, PageNumbers pages, ScriptObject functions) =>
        _templates.Render(DocumentTemplate, kind.BuildViewModel(context, figures, pages), functions);

    /// <summary>
    /// The report's document as the templates write it for the HTML edition (edition "html"), from the same view model as
    /// the print but for its page numbers, which a screen does not have: its contents list links the sections instead.
    /// Pure and without the browser, so that an archived report's editions are made from its snapshot alone.
    /// </summary>
    public string ComposeHtmlEdition(ReportContext context, IReportFigures figures, ReportKind kind)
    {
        // The document alone (no running header or footer) tells the sections and places the contents list links.
        var draft = Document(kind, context, figures, PageNumbers.None, Functions);
        var sections = new PageNumbers(PageReferences.Headings(draft).Select(h => new ContentsEntry(h, 0)).ToList(),
            PageReferences.Places(draft).Distinct(StringComparer.Ordinal).ToDictionary(p => p, _ => 0, StringComparer.Ordinal));
        return Document(kind, context, figures, sections, HtmlEditionFunctions);
    }

    /// <summary>
    /// What an archived report's other editions are made from, without printing it: its figures computed again from its
    /// snapshot and the context it was rendered in (its archive id, generated-at time, marking and review).
    /// </summary>
    public (ReportContext Context, IReportFigures Figures, byte[] MetricsJson) Recompose(GatheredEvidence gathered, ReportIdentity report,
        ArchiveIdentity archived, Review.ReviewMarks? review)
    {
        var figures = ComputeFigures(gathered, report);
        return (ContextOf(gathered, report, archived, review), figures, MetricsJson.Serialize(report, figures));
    }

    /// <summary>What a report is composed in: an archived report's own id, snapshot, time and marking; a new one's, now.</summary>
    private ReportContext ContextOf(GatheredEvidence gathered, ReportIdentity report, ArchiveIdentity? archived, Review.ReviewMarks? review) =>
        new(gathered, report.Kind.Title, report.Period,
            new ReportRunFacts(archived?.GeneratedAt ?? clock.GetUtcNow(), templateSet.Version, Foundation.EngineVersion.Current,
                archived?.ProtectiveMarking ?? options.MarkingOf(report.Kind), archived?.ArchiveId, archived?.SnapshotSha256, review));

    /// <param name="edition">What the templates are writing: "print" (the PDF) or "html" (the HTML edition).</param>
    private static ScriptObject CreateFunctions(string edition)
    {
        var fmt = new ScriptObject();
        fmt.Import(typeof(ReportFormat));
        var functions = new ScriptObject { ["fmt"] = fmt, ["edition"] = edition };
        return functions;
    }
}
