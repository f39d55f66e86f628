using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Hosting;

namespace ReportEngine.Service;

/// <summary>
/// Keeps one recurring job per authority and scheduled report kind in the database: the schedule an Admin set on the
/// dashboard (<see cref="Schedules.ScheduleStore"/>), else <c>ReportEngine:Schedules:KIND</c> or the kind's default; none
/// while paused. Every <c>serve</c> syncs at <see cref="ServiceOptions.ScheduleSyncInterval"/>, so a change made through
/// one is taken by all without a restart. Misfires are handled strictly: when no server was running at an occurrence,
/// that occurrence still runs later and issues its own period (the report's run lock stops a second copy), so the
/// archive never has a hole.
/// </summary>
public sealed class RecurringReportSchedule(
    PostgresEvidenceStore evidence,
    Schedules.ScheduleStore schedules,
    IRecurringJobManager recurringJobs,
    ReportKinds kinds,
    IOptions<ServiceOptions> options,
    IOptions<Rendering.ReportOptions> reportOptions,
    ILogger<RecurringReportSchedule> logger) : BackgroundService
{
    /// <summary>The recurring job of a kind for an authority: <c>monthly:NDC</c>.</summary>
    public static string JobId(ReportKind kind, string authority) => $"{kind.Name}:{authority}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduleSyncInterval);
        do
        {
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not bring the report schedules up to date; trying again in {Interval}", options.Value.ScheduleSyncInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var recurring = new RecurringJobOptions
        {
            TimeZone = reportOptions.Value.FindZone(),
            MisfireHandling = MisfireHandlingMode.Strict,
        };
        var authorities = await evidence.AuthoritiesAsync(cancellationToken);
        var scheduled = (await schedules.ListAsync(authorities, cancellationToken)).ToDictionary(s => JobId(s.Kind, s.Authority), StringComparer.Ordinal);
        foreach (var code in authorities)
        {
            foreach (var kind in kinds.All)
            {
                var id = JobId(kind, code);
                if (scheduled.TryGetValue(id, out var schedule) && schedule is { Runs: true, Cron: { } cron })
                    recurringJobs.AddOrUpdate<ReportJob>(id, job => job.IssueScheduledAsync(code, kind.Name, null, CancellationToken.None), cron, recurring);
                else recurringJobs.RemoveIfExists(id);
            }
        }
        // review.md: drafts still open after their working days remind their Approvers once.
        recurringJobs.AddOrUpdate<Notices.DraftNoticeJobs>(Notices.DraftNoticeJobs.RemindersJobId, job => job.RemindAsync(CancellationToken.None), "*/15 * * * *", recurring);
    }
}
