using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Packs;
using ReportEngine.PostgreSql;

namespace ReportEngine.Service;

/// <summary>
/// The Hangfire job that issues one report through the issuing path. Each report issues once: the run's row lock makes
/// retried, duplicated and concurrent jobs wait and then find it issued. Permanent failures (bad data, template
/// errors, see <see cref="FailurePolicy"/>) fail at once; database and browser faults retry with growing delays.
/// </summary>
[AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 15, 30, 60, 120, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail,
    ExceptOn = [typeof(PermanentFailureException)])]
public sealed class ReportJob(
    ReportIssuer issuer,
    PostgresEvidenceStore evidence,
    ReportKinds kinds,
    IOptions<ServiceOptions> options,
    ILogger<ReportJob> logger)
{
    /// <summary>The recurring job: issues the latest period of the kind that ended before the schedule fired (Europe/London by default).</summary>
    [JobDisplayName("Scheduled {1} report for {0}")]
    public Task IssueScheduledAsync(string authority, string kind, PerformContext? context, CancellationToken cancellationToken)
    {
        var reportKind = kinds.Find(kind) ?? throw new ReportRequestRefusedException($"'{kind}' is not a report kind");
        // Hangfire records when the occurrence was due, so a misfired run still issues its own period.
        var due = context?.GetJobParameter<long?>("Time") is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.UtcNow;
        var period = PeriodBefore(reportKind, due, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        return IssueAsync(ReportIdentity.Of(authority, reportKind, period).ToString(), Requester.Schedule(kind).ToString(), context, cancellationToken);
    }

    /// <summary>The latest period of the kind that ended before the day <paramref name="due"/> falls on, in the schedule's time zone.</summary>
    public static ReportPeriod PeriodBefore(ReportKind kind, DateTimeOffset due, TimeZoneInfo timeZone) =>
        kind.PeriodType.LatestEndedBefore(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, timeZone).DateTime));

    /// <param name="report">The report's identity as <see cref="ReportIdentity.ToString"/> writes it.</param>
    /// <param name="requestedBy">A <see cref="Requester"/> as written.</param>
    [JobDisplayName("Report {0}")]
    public async Task IssueAsync(string report, string requestedBy, PerformContext? context, CancellationToken cancellationToken)
    {
        var identity = ReportIdentity.TryParse(report, kinds, out var problem) ?? throw new ReportRequestRefusedException(problem!);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = context?.BackgroundJob.Id, ["Report"] = report });

        // On shutdown Hangfire cancels at once; a report under way gets most of the shutdown timeout to finish instead,
        // and is handed back to the queue only if it cannot.
        using var grace = new CancellationTokenSource();
        await using var onShutdown = cancellationToken.Register(() => grace.CancelAfter(options.Value.ShutdownTimeout * 0.8));

        var folder = SafePath.Combine(options.Value.OutputFolder, identity.Authority, Path.GetFileNameWithoutExtension(identity.FileName)[(identity.Authority.Length + 1)..]);
        var request = new ReportRequest(identity.Kind, identity.Period, identity.Statement, new PostgresEvidenceSource(evidence, identity.Authority),
            Requester.Parse(requestedBy), OutputFolder: folder);
        try
        {
            var issued = await issuer.IssueAsync(request, new JobProgress(context), grace.Token);
            new JobProgress(context).Report(new PackProgress(PackStage.Done, 100,
                $"{(issued.Reused ? "Issued before" : "Issued")}: {issued.Pages} pages, archive entry {issued.Entry?.Id}"));
        }
        catch (Exception ex) when (FailurePolicy.IsPermanent(ex))
        {
            logger.LogError("Report {Report} cannot be issued: {Reason}", report, ex.Message);
            throw;
        }
    }
}

/// <summary>Shows a report's progress in the Hangfire dashboard's job details (a job parameter, see <see cref="ServiceHost"/>).</summary>
internal sealed class JobProgress(PerformContext? context) : IProgress<PackProgress>
{
    public const string Parameter = "Progress";

    public void Report(PackProgress value) => context?.SetJobParameter(Parameter, $"{value.Percent}% — {value.Description}");
}
