using ReportEngine.Metrics;
using ReportEngine.Foundation;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Rendering;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Requests;
using ReportEngine.Hosting;

namespace ReportEngine.Service;

/// <summary>
/// The Hangfire job that issues one report through the issuing path. Each report issues once: the run's row lock makes
/// retried, duplicated and concurrent jobs wait and then find it issued. Permanent failures (bad data, template
/// errors, see <see cref="FailurePolicy"/>) fail at once; database and browser faults retry with growing delays
/// (<see cref="RetryPolicy"/>, which also marks a request failed when its job fails).
/// </summary>
public sealed class ReportJob(
    ReportIssuer issuer,
    PostgresEvidenceStore evidence,
    RequestStore requests,
    ReportKinds kinds,
    IOptions<ServiceOptions> options,
    IOptions<ReportOptions> reportOptions,
    IBackgroundJobClient jobs,
    ILogger<ReportJob> logger)
{
    /// <summary>The recurring job: issues the latest period of the kind that ended before the schedule fired (Europe/London by default).</summary>
    [JobDisplayName("Scheduled {1} report for {0}")]
    [Queue(JobQueues.Scheduled)]
    public Task IssueScheduledAsync(string authority, string kind, PerformContext? context, CancellationToken cancellationToken)
    {
        var reportKind = kinds.Find(kind) ?? throw new ReportRequestRefusedException($"'{kind}' is not a report kind");
        // Hangfire records when the occurrence was due, so a misfired run still issues its own period.
        var due = context?.GetJobParameter<long?>("Time") is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.UtcNow;
        var period = PeriodBefore(reportKind, due, reportOptions.Value.FindZone());
        return IssueAsync(ReportIdentity.Of(authority, reportKind, period), Requester.Schedule(kind), null, regenerate: false, new JobProgress(context), context,
            cancellationToken);
    }

    /// <summary>The latest period of the kind that ended before the day <paramref name="due"/> falls on, in the schedule's time zone.</summary>
    public static ReportPeriod PeriodBefore(ReportKind kind, DateTimeOffset due, TimeZoneInfo timeZone) =>
        kind.PeriodType.LatestEndedBefore(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, timeZone).DateTime));

    /// <param name="report">The report, checked again when the job runs (a kind may have gone since it was queued).</param>
    /// <param name="requestedBy">A <see cref="Requester"/> as written.</param>
    [JobDisplayName("Report {0}")]
    public Task IssueAsync(ReportFields report, string requestedBy, PerformContext? context, CancellationToken cancellationToken) =>
        IssueAsync(report.Parse(kinds).IdentityOrRefuse(), Requester.Parse(requestedBy), null, regenerate: false, new JobProgress(context), context, cancellationToken);

    /// <summary>A report a person asked for on the dashboard or through the API; its progress and outcome go to the request's record.</summary>
    [JobDisplayName("Requested report {0}")]
    [Queue(JobQueues.OnDemand)]
    public async Task IssueRequestAsync(long requestId, PerformContext? context, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(requestId, cancellationToken) ?? throw new ReportRequestRefusedException($"There is no request {requestId}");
        if (request.IsFinished) return;
        var progress = new RequestProgress(requests, requestId, new JobProgress(context));
        try
        {
            var issued = await IssueAsync(request.Report, Requester.Person(request.RequestedBy), request.Reason, request.Regenerate, progress, context, cancellationToken,
                request.DeliverAgain);
            if (issued.Draft is { } draft) await requests.DraftAsync(requestId, draft.Id, CancellationToken.None);
            else await requests.DoneAsync(requestId, issued.Entry!.Id, CancellationToken.None);
        }
        catch (Exception ex) when (!FailurePolicy.IsPermanent(ex) && ex is not OperationCanceledException)
        {
            // Shown until the retry (or, when the tries are used up, until the retry policy marks the request failed).
            await requests.NoteAsync(requestId, "Waiting to try again after a temporary problem", CancellationToken.None);
            throw;
        }
    }

    private async Task<Issuing.IssuedReport> IssueAsync(ReportIdentity identity, Requester requester, string? reason, bool regenerate,
        IProgress<ReportProgress> progress, PerformContext? context, CancellationToken cancellationToken, bool deliverAgain = false)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = context?.BackgroundJob.Id, ["Report"] = identity.ToString() });
        context?.SetJobParameter(JobEventLog.ReportParameter, identity.ToString());

        // On shutdown Hangfire cancels at once; a report under way gets most of the shutdown timeout to finish instead,
        // and is handed back to the queue only if it cannot.
        using var grace = new CancellationTokenSource();
        await using var onShutdown = cancellationToken.Register(() => grace.CancelAfter(options.Value.ShutdownTimeout * 0.8));

        var folder = SafePath.Combine(options.Value.OutputFolder, identity.Authority, identity.Stem);
        var request = new ReportRequest(identity, new PostgresEvidenceSource(evidence, identity.Authority), requester, reason, regenerate, OutputFolder: folder,
            DeliverAgain: deliverAgain);
        // A failure is said in one line by the job event log, with the progress the report had reached.
        var issued = await issuer.IssueAsync(request, progress, grace.Token);
        // review.md: a scheduled run's draft is announced to its authority's Approvers (once each, however often this runs).
        if (requester.IsSchedule && issued.Draft is { State: ReportEngine.Review.DraftState.Open } made)
            Notices.DraftNoticeJobs.Queue(jobs, made, Notices.DraftNotice.Ready);
        new JobProgress(context).Report(new ReportProgress(ReportStage.Done, 100, issued.Draft is { } draft
            ? $"Draft {draft.Id} ({draft.State}), awaiting sign-off"
            : $"{(issued.Reused ? "Issued before" : "Issued")}: {issued.Pages} pages, archive entry {issued.Entry?.Id}"));
        return issued;
    }
}

/// <summary>Shows a report's progress in the Hangfire dashboard's job details (a job parameter, see <see cref="ServiceHost"/>).</summary>
internal sealed class JobProgress(PerformContext? context) : IProgress<ReportProgress>
{
    public const string Parameter = "Progress";

    public void Report(ReportProgress value) => context?.SetJobParameter(Parameter, $"{value.Percent}% — {value.Description}");
}
