using Hangfire;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// Delivery as follow-up work of the issuing path: one job per archive entry makes its delivery records and one job
/// per (archive id, recipient) sends, so each recipient's retries and back-off (over hours) are their own.
/// </summary>
[RetrySchedule(RetrySchedule.Hours)]
public sealed class DeliveryJobs(ReportDelivery delivery, IBackgroundJobClient jobs)
{
    [JobDisplayName("Deliveries of {0}")]
    public async Task DeliverReportAsync(string archiveId, CancellationToken cancellationToken)
    {
        foreach (var pending in (await delivery.PrepareAsync(archiveId, cancellationToken)).Where(d => d.State == DeliveryRecord.Pending))
            jobs.Enqueue<DeliveryJobs>(job => job.DeliverToAsync(archiveId, pending.Email, CancellationToken.None));
    }

    /// <summary>Sends one copy; a temporary failure is handed back to Hangfire, which tries again over hours.</summary>
    [JobDisplayName("Deliver {0} to {1}")]
    public async Task DeliverToAsync(string archiveId, string email, CancellationToken cancellationToken)
    {
        var outcome = await delivery.DeliverToAsync(archiveId, email, retryFailed: false, cancellationToken);
        // Handed back to Hangfire, whose retry the job event log reports in one line.
        if (outcome.Kind == DeliveryOutcome.Kinds.Deferred) throw new SmtpFailure(outcome.Reply ?? "temporary failure", permanent: false);
    }
}
