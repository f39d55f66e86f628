using Hangfire;
using Microsoft.Extensions.Logging;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// Delivery as follow-up work of the issuing path: one job per archive entry makes its delivery records and one job
/// per (archive id, recipient) sends, so each recipient's retries and back-off are its own.
/// </summary>
public sealed class DeliveryJobs(ReportDelivery delivery, IBackgroundJobClient jobs, ILogger<DeliveryJobs> logger)
{
    [JobDisplayName("Deliveries of {0}")]
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800])]
    public async Task DeliverReportAsync(string archiveId, CancellationToken cancellationToken)
    {
        foreach (var pending in (await delivery.PrepareAsync(archiveId, cancellationToken)).Where(d => d.State == DeliveryRecord.Pending))
            jobs.Enqueue<DeliveryJobs>(job => job.DeliverToAsync(archiveId, pending.Email, CancellationToken.None));
    }

    /// <summary>Sends one copy; a temporary failure is handed back to Hangfire, which tries again over hours.</summary>
    [JobDisplayName("Deliver {0} to {1}")]
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task DeliverToAsync(string archiveId, string email, CancellationToken cancellationToken)
    {
        var outcome = await delivery.DeliverToAsync(archiveId, email, retryFailed: false, cancellationToken);
        if (outcome.Kind == DeliveryOutcome.Kinds.Deferred)
        {
            logger.LogWarning("Delivery of {ArchiveId} to {Recipient} will be tried again later: {Reply}", archiveId, email, outcome.Reply);
            throw new SmtpFailure(outcome.Reply ?? "temporary failure", permanent: false);
        }
    }
}
