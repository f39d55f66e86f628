using Hangfire;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// One recipient's copy of an archived report as a job of its own (made by <see cref="DeliveryFollowUp"/>), so each
/// recipient's retries and back-off (over hours) are their own.
/// </summary>
[RetrySchedule(RetrySchedule.Hours)]
public sealed class DeliveryJobs(ReportDelivery delivery)
{
    /// <summary>Sends one copy; a temporary failure is handed back to Hangfire, which tries again over hours.</summary>
    [JobDisplayName("Deliver {0} to {1}")]
    public async Task DeliverToAsync(string archiveId, string email, CancellationToken cancellationToken)
    {
        var outcome = await delivery.DeliverToAsync(archiveId, email, retryFailed: false, cancellationToken);
        // Handed back to Hangfire, whose retry the job event log reports in one line.
        if (outcome.Kind == DeliveryOutcome.Kinds.Deferred) throw new SmtpFailure(outcome.Reply ?? "temporary failure", permanent: false);
    }
}
