using ReportEngine.Foundation;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Editions;
using ReportEngine.Gathering;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Review;
using ReportEngine.Telemetry;
using UglyToad.PdfPig;

namespace ReportEngine.Issuing;

/// <summary>
/// The one issuing path: every caller (the command line, the jobs, the dashboard) hands it a <see cref="ReportRequest"/>.
/// It gathers the evidence, renders the report and, when it has an archive, issues it there once per report (the run
/// lock makes retried and concurrent requests wait and then find it issued), then schedules the follow-up work.
/// </summary>
public sealed class ReportIssuer(ReportRenderers renderers, EndedPeriods ended, ILogger<ReportIssuer> logger, IssuingArchive? archiving = null)
{
    /// <summary>The key of the issuer that renders and writes a report without archiving it (<c>pack</c> without <c>--archive</c>).</summary>
    public const string Unarchived = "unarchived";

    /// <summary>Who holds a run: this machine and process.</summary>
    private static readonly string Claimant = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<IssuedReport> IssueAsync(ReportRequest request, IProgress<ReportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = ReportTelemetry.Source.StartActivity("issue report");
        activity?.SetTag("reportengine.kind", request.Report.Kind.Name);
        activity?.SetTag("reportengine.period", request.Report.Period.ToString());
        var watch = Stopwatch.StartNew();
        using var inFlight = IdleCollection.Process.Begin();
        try
        {
            var issued = await IssueOnceAsync(request, progress, cancellationToken);
            activity?.SetTag("reportengine.report", issued.Report.ToString());
            activity?.SetTag("reportengine.archive_id", issued.Entry?.Id);
            activity?.SetTag("reportengine.reused", issued.Reused);
            ReportTelemetry.RecordIssued(issued.Report.Kind.Name, issued.Reused, watch.Elapsed, issued.Rendered?.Timings.Stages ?? []);
            return issued;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            ReportTelemetry.RecordFailed(request.Report.Kind.Name, ex);
            throw;
        }
    }

    private async Task<IssuedReport> IssueOnceAsync(ReportRequest request, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        if (request.Regenerate && string.IsNullOrWhiteSpace(request.Reason))
            throw new ReportRequestRefusedException("--reason: a report is regenerated only with a reason (what was corrected)");
        if (ended.WhyNot(request.Report.Period) is { } early) throw new ReportRequestRefusedException($"--period: {early}");
        var gatherTime = TimeSpan.Zero;
        async Task<GatheredEvidence> GatherAsync()
        {
            progress?.Report(new ReportProgress(ReportStage.Gathering, 0, "Reading the evidence"));
            using var gathering = ReportTelemetry.Source.StartActivity("gather");
            var started = Stopwatch.GetTimestamp();
            var evidence = await request.Evidence.GatherAsync(cancellationToken);
            gatherTime = Stopwatch.GetElapsedTime(started);
            // coverage.md: a period the data does not reach is refused before anything is computed or rendered.
            if (Metrics.DatasetBounds.Of(evidence.Evidence).WhyNot(request.Report.Period) is { } outside)
                throw new ReportRequestRefusedException($"--period: {outside}");
            return evidence;
        }
        var report = request.Report;
        var renderer = renderers.For(report.Kind);
        // Without an archive the report is always rendered: Chromium opens its page while the evidence is read (issue 26).
        await using var pageAhead = archiving is null ? renderer.OpenPage(cancellationToken) : null;
        // A folder names its authority only inside, so it is read whole before its run is claimed; a database source is
        // claimed before anything is read.
        var gathered = request.Evidence.Authority is null ? await GatherAsync() : null;
        if ((request.Evidence.Authority ?? gathered!.Evidence.Authority.Code) is var named && named != report.Authority)
            throw new ReportRequestRefusedException($"the evidence is {named}'s, not {report.Authority}'s");
        // The one rendering of the issuing path; an archived report prints the id and snapshot the archive reserved.
        Task<RenderedReport> RenderAsync(ArchiveReservation? reserved, PrintingPage? page) =>
            renderer.RenderAsync(gathered!, report, reserved?.Identity, progress, cancellationToken, gatherTime, request.Review, page);

        // review.md: a report whose kind is reviewed is made a draft, kept by review and never archived (nor delivered,
        // nor copied to PDF/A) until its approval asks for it again.
        if (archiving is { Drafts: { } drafts } && request.Approving is null
            && await drafts.ModeAsync(report.Authority, report.Kind, cancellationToken) == ReviewMode.Required
            && (request.Regenerate || await archiving.Archive.Catalog.LatestAsync(report, cancellationToken) is null))
            return await DraftAsync(drafts, request, renderer, async () => gathered ?? await GatherAsync(), () => gatherTime, progress, cancellationToken);

        if (archiving is null || request.Review is { Draft: true })
        {
            gathered ??= await GatherAsync();
            var pack = await RenderAsync(null, pageAhead);
            var path = await WriteAsync(request, pack.FileName, pack.Pdf, pack.MetricsJson, cancellationToken, EditionsOf(request, pack, renderer));
            var pages = pack.Pages;
            logger.LogInformation("Rendered report {Report}: {Pages} pages", report, pages);
            return new IssuedReport(report, null, path, pages, Reused: false, pack, []);
        }

        var (archive, runs, followUps, _) = archiving;
        var claim = await runs.ClaimAsync(report, Claimant, request.Regenerate, cancellationToken);
        if (claim is null)
        {
            if (await archive.Catalog.LatestAsync(report, cancellationToken) is { } issued)
            {
                logger.LogInformation("Report {Report} was issued already as {ArchiveId}; nothing rendered", report, issued.Id);
                var (pdf, metrics) = await FilesOfAsync(archive, issued, cancellationToken);
                var editions = await ArchivedEditionsAsync(request, archive, issued, cancellationToken);
                string? written;
                try
                {
                    written = await WriteAsync(request, report.FileName, pdf, metrics, cancellationToken, editions);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The entry exists: its id is said whatever else failed.
                    throw new ReportArchivedButNotWrittenException(issued.Id, ex);
                }
                return new IssuedReport(report, issued, written, PageCount(pdf), Reused: true, null, []) { EditionsNotWritten = AskedForEditions(request) && editions is null };
            }
            // The run says issued but the archive has no entry (pruned): issue it again.
            claim = await runs.ClaimAsync(report, Claimant, again: true, cancellationToken)
                ?? throw new InvalidOperationException($"{report}: the run could not be claimed");
        }

        await using (claim)
        {
            try
            {
                // A run interrupted after its entry was committed reuses that entry.
                var interrupted = await archive.Catalog.FindByRunAsync(claim.RunId.ToString(), cancellationToken);
                ArchiveRecord entry;
                RenderedReport? rendered = null;
                if (interrupted is not null) entry = interrupted;
                else
                {
                    // Checked here, not before the claim: a run interrupted after its entry was committed still finishes.
                    if (request.Regenerate && await Regeneration.LimitReachedAsync(archive, report, ended.TodayBegan, cancellationToken) is { } limit)
                        throw new RegenerationLimitException($"--regenerate: {limit} (ReportEngine:Archive:RegenerationsPerDay); ask again tomorrow");
                    await archive.OpenSigningKeyAsync(cancellationToken);
                    // The report is rendered from here on: Chromium opens its page while the evidence is read (issue 26).
                    await using var page = renderer.OpenPage(cancellationToken);
                    var old = request.Regenerate ? await archive.Catalog.LatestAsync(report, cancellationToken) : null;
                    gathered ??= await GatherAsync();
                    var reserved = archive.Issuing.Reserve(gathered, report, renderer.Options.MarkingOf(report.Kind));
                    var supersedes = old is null ? null : new Supersession(old.Id,
                        old.Files.GetValueOrDefault(ArchiveFile.Snapshot) == reserved.Identity.SnapshotSha256 && old.TemplateVersion == renderer.Templates.Version
                            ? Regeneration.UnchangedReason(request.Reason!, old.Id, request.DeliverAgain)
                            : request.Reason!);
                    var signOff = request is { Approving: { } draft, Review: { ApprovedBy: not null } marks } ? new SignOff(draft, marks) : null;
                    var renderedNow = await RenderAsync(reserved, page);
                    using (ReportTelemetry.Source.StartActivity("archive"))
                    {
                        var archived = await archive.Issuing.StoreAsync(reserved, renderedNow, renderer.Templates,
                            request.RequestedBy.ToString(), claim.RunId.ToString(), supersedes, progress, cancellationToken, signOff);
                        (entry, rendered) = (archived.Entry, archived.Pack);
                    }
                }
                var (pdf, metrics) = rendered is not null ? (rendered.Pdf, rendered.MetricsJson) : await FilesOfAsync(archive, entry, cancellationToken);
                string? path;
                try
                {
                    path = await WriteAsync(request, report.FileName, pdf, metrics, cancellationToken, rendered is null ? null : EditionsOf(request, rendered, renderer));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The report is issued and archived; only the copy for the caller failed (a full disk, say). Its
                    // follow-ups still go ahead; the run stays open, so a retry writes the files from this entry.
                    await followUps.ScheduleAsync(entry.Id, cancellationToken);
                    throw new ReportArchivedButNotWrittenException(entry.Id, ex);
                }
                var pages = rendered?.Pages ?? PageCount(pdf);
                await claim.CompleteAsync(new IssuedFacts(entry.Id, path, ContentStore.Sha256(pdf), pages), cancellationToken);
                logger.LogInformation("Issued report {Report} as archive entry {ArchiveId}", report, entry.Id);
                var done = await followUps.ScheduleAsync(entry.Id, cancellationToken);
                progress?.Report(new ReportProgress(ReportStage.Done, 100, "Issued"));
                return new IssuedReport(report, entry, path, pages, Reused: false, rendered, done) { EditionsNotWritten = rendered is null && AskedForEditions(request) };
            }
            catch (Exception ex) when (FailurePolicy.IsPermanent(ex))
            {
                await claim.FailAsync(ex.Message, CancellationToken.None);
                throw;
            }
        }
    }

    /// <summary>
    /// A reviewed report's draft: the one it has (asking again gives it), or a new one rendered with the DRAFT marks and
    /// kept with its frozen snapshot. A stale draft is made again from the evidence as it is now, its commentary carried over.
    /// </summary>
    private async Task<IssuedReport> DraftAsync(IDrafts drafts, ReportRequest request, ReportRenderer renderer, Func<Task<GatheredEvidence>> gather,
        Func<TimeSpan> gatherTime, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        var report = request.Report;
        var current = await drafts.CurrentAsync(report, cancellationToken);
        if (current is not null && current.State != DraftState.Stale)
        {
            logger.LogInformation("Report {Report} is reviewed and has draft {DraftId} ({State}); nothing rendered", report, current.Id, current.State);
            return new IssuedReport(report, null, null, 0, Reused: true, null, [], current);
        }
        var gathered = await gather();
        var commentary = current?.Commentary ?? [];
        var pack = await renderer.RenderAsync(gathered, report, null, progress, cancellationToken, gatherTime(), new ReviewMarks(true, null, commentary));
        var kept = await drafts.KeepAsync(report, EvidenceSnapshot.Serialize(gathered), pack, commentary, request.RequestedBy.ToString(),
            request.Regenerate ? request.Reason : null, current, cancellationToken);
        var pages = pack.Pages;
        logger.LogInformation("Made draft {DraftId} of report {Report}: {Pages} pages, awaiting sign-off", kept.Id, report, pages);
        progress?.Report(new ReportProgress(ReportStage.Done, 100, "Draft made, awaiting sign-off"));
        return new IssuedReport(report, null, null, pages, Reused: false, pack, [], kept);
    }

    /// <summary>An issued report's files, read back only when its record and objects verify.</summary>
    private static async Task<(byte[] Pdf, byte[] Metrics)> FilesOfAsync(ReportArchive archive, ArchiveRecord entry, CancellationToken cancellationToken) =>
        ((await archive.Reader.ReadAsync(entry, ArchiveFile.Pdf, cancellationToken))!, (await archive.Reader.ReadAsync(entry, ArchiveFile.Metrics, cancellationToken))!);

    private static async Task<string?> WriteAsync(ReportRequest request, string fileName, byte[] pdf, byte[] metrics, CancellationToken cancellationToken,
        IReadOnlyList<(string, byte[])>? editions = null) =>
        request.OutputFolder is null ? null : await ReportOutput.WriteAsync(fileName, pdf, metrics, request.OutputFolder, cancellationToken, editions);

    /// <summary>The editions the request asks to have written beside the PDF, made from the report just rendered.</summary>
    private static IReadOnlyList<(string, byte[])>? EditionsOf(ReportRequest request, RenderedReport pack, ReportRenderer renderer) =>
        request.OutputFolder is null || !AskedForEditions(request) ? null
            : ReportEditions.Make(pack, renderer, request.Editions!).Select(e => (e.Format.FileNameBeside(pack.FileName), e.Bytes)).ToList();

    /// <summary>
    /// The editions the request asks for of a report issued before, as the archive holds them (verified as they are
    /// read); null when none are asked for or its editions' follow-up has not made them yet.
    /// </summary>
    private static async Task<IReadOnlyList<(string, byte[])>?> ArchivedEditionsAsync(ReportRequest request, ReportArchive archive, ArchiveRecord entry,
        CancellationToken cancellationToken)
    {
        if (request.OutputFolder is null || !AskedForEditions(request)) return null;
        var editions = new List<(string, byte[])>();
        foreach (var format in request.Editions!.Where(f => f != EditionFormat.Pdf))
        {
            if (await archive.Reader.ReadAsync(entry, format.Name, cancellationToken) is not { } bytes) return null;
            editions.Add((format.FileNameBeside(request.Report.FileName), bytes));
        }
        return editions;
    }

    private static bool AskedForEditions(ReportRequest request) => request.Editions?.Any(f => f != EditionFormat.Pdf) == true;

    private static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }
}

/// <summary>What issuing into the archive needs: the archive, the run records that make each report issue once, and the follow-up jobs.</summary>
/// <param name="Drafts">Review (review.md): where the drafts of reviewed reports are kept; null when nothing is reviewed.</param>
public sealed record IssuingArchive(ReportArchive Archive, IReportRuns Runs, IFollowUps FollowUps, IDrafts? Drafts = null);

/// <summary>The report was issued into the archive as <see cref="ArchiveId"/>, but its copy could not be written where asked.</summary>
public sealed class ReportArchivedButNotWrittenException(string archiveId, Exception inner)
    : Exception($"The report was archived as {archiveId}, but its files could not be written: {inner.Message}", inner)
{
    public string ArchiveId { get; } = archiveId;
}
