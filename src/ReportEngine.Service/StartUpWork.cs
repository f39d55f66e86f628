using Hangfire.PostgreSql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.PostgreSql;
using ReportEngine.Hosting;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security.SignInKeys;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ReportEngine.Service;

/// <summary>
/// What <c>serve</c> does before it takes any work (a hosted service registered ahead of the job server): brings the
/// database to the current schema, checks the sign-in keys' certificate, opens the archive's signing key, finishes or removes archive entries an earlier process left half-written, and
/// marks approved the drafts whose approval's entry was committed just before a process died, and schedules again the
/// follow-ups of entries committed just before a process died.
/// </summary>
internal sealed class StartUpWork(IOptions<ServiceOptions> options, ReportArchive archive, PostgresDrafts drafts, AuditLog audit, IFollowUps followUps,
    SignInKeyCertificate signInKeys, PostgresKeyRing keyRing, IKeyManager keyManager, ILogger<StartUpWork> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EvidenceDatabase.MigrateAsync(options.Value.Database, logger, cancellationToken,
            connection => PostgreSqlObjectsInstaller.Install(connection, ServiceHost.HangfireSchema));
        // Before any request: sign-in keys this serve cannot read would sign everyone out, or out again and again.
        await signInKeys.CheckAsync(keyRing, keyManager, cancellationToken);
        // Before any work: an archive with records whose signing key is missing stops start-up, naming the file, instead
        // of failing each report after its render; and the public key every download is checked with is published.
        await archive.OpenSigningKeyAsync(cancellationToken);
        var recovered = await archive.Recovery.RecoverAsync(cancellationToken);
        if (recovered > 0) logger.LogWarning("Finished or removed {Count} archive entries left half-written by an earlier process", recovered);
        foreach (var finished in await drafts.FinishApprovalsAsync(cancellationToken))
        {
            logger.LogWarning("Draft {DraftId} marked approved: its approval's archive entry {ArchiveId} was committed before an earlier process stopped",
                finished.Draft, finished.ArchiveId);
            var report = (await drafts.FindAsync(finished.Draft, cancellationToken))?.Report;
            await audit.WriteAsync(new AuditEvent("service:start-up", "draft.approve", "succeeded", report?.Authority, report?.ToString(), null,
                $"draft {finished.Draft} approved by {finished.ApprovedBy}: archive entry {finished.ArchiveId} was committed before the process approving it stopped"),
                cancellationToken);
        }
        // Keyed by archive id, so scheduling a follow-up again is harmless.
        foreach (var pending in await archive.Catalog.PendingPdfACopiesAsync(cancellationToken)) await followUps.ScheduleAsync(pending, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
