using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.PostgreSql;

namespace ReportEngine.Service;

/// <summary>
/// Keeps one recurring monthly-pack job per authority in the database. Misfires are handled strictly: when no server
/// was running at an occurrence, that occurrence still runs later and renders its own month (the pack's idempotency
/// key stops a second copy), so the archive never has a hole for a month.
/// </summary>
public sealed class RecurringPackSchedule(
    PostgresEvidenceStore evidence,
    IRecurringJobManager recurringJobs,
    IOptions<ServiceOptions> options,
    ILogger<RecurringPackSchedule> logger) : BackgroundService
{
    public const string Prefix = "monthly-pack:";

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
                logger.LogWarning(ex, "Could not bring the pack schedules up to date; trying again in {Interval}", options.Value.ScheduleSyncInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var recurring = new RecurringJobOptions
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone),
            MisfireHandling = MisfireHandlingMode.Strict,
        };
        foreach (var code in await evidence.AuthoritiesAsync(cancellationToken))
        {
            recurringJobs.AddOrUpdate<PackJob>($"{Prefix}{code}", job => job.RenderScheduledAsync(code, null, CancellationToken.None),
                settings.MonthlyCron, recurring);
        }
    }
}
