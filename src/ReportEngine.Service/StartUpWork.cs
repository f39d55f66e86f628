using Hangfire.PostgreSql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.PostgreSql;
using ReportEngine.Hosting;

namespace ReportEngine.Service;

/// <summary>
/// What <c>serve</c> does before it takes any work (a hosted service registered ahead of the job server): brings the
/// database to the current schema, opens the archive's signing key, finishes or removes archive entries an earlier process left half-written, and
/// schedules again the follow-ups of entries committed just before a process died.
/// </summary>
internal sealed class StartUpWork(IOptions<ServiceOptions> options, ReportArchive archive, IFollowUps followUps, ILogger<StartUpWork> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EvidenceDatabase.MigrateAsync(options.Value.Database, logger, cancellationToken,
            connection => PostgreSqlObjectsInstaller.Install(connection, ServiceHost.HangfireSchema));
        // Before any work: an archive with records whose signing key is missing stops start-up, naming the file, instead
        // of failing each report after its render; and the public key every download is checked with is published.
        await archive.OpenSigningKeyAsync(cancellationToken);
        var recovered = await archive.Recovery.RecoverAsync(cancellationToken);
        if (recovered > 0) logger.LogWarning("Finished or removed {Count} archive entries left half-written by an earlier process", recovered);
        // Keyed by archive id, so scheduling a follow-up again is harmless.
        foreach (var pending in await archive.Catalog.PendingPdfACopiesAsync(cancellationToken)) await followUps.ScheduleAsync(pending, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
