using Hangfire;
using ReportEngine.Issuing;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// Delivery as a follow-up of the issuing path, enabled when a mail server is set. Without a job server (the command line) every
/// recipient is sent to in the run, with a line each (delivery.md); with one, each recipient's copy is a job of its own
/// (<see cref="DeliveryJobs"/>), so that its retries and back-off over hours are its own.
/// </summary>
public sealed class DeliveryFollowUp(ReportDelivery delivery, IBackgroundJobClient? jobs = null) : IFollowUp
{
    public string Name => "Deliveries";

    public bool Enabled => delivery.Enabled;

    public bool WaitsForReports => false;

    public async Task<FollowUpOutcome> RunAsync(string archiveId, CancellationToken cancellationToken)
    {
        if (jobs is not null)
        {
            foreach (var pending in (await delivery.PrepareAsync(archiveId, cancellationToken)).Where(d => d.State == DeliveryRecord.Pending))
                jobs.Enqueue<DeliveryJobs>(job => job.DeliverToAsync(archiveId, pending.Email, CancellationToken.None));
            return FollowUpOutcome.Done;
        }
        var outcomes = await delivery.DeliverAsync(archiveId, retryFailed: false, cancellationToken);
        return new FollowUpOutcome(outcomes.All(o => o.Kind is DeliveryOutcome.Kinds.Sent or DeliveryOutcome.Kinds.Already), [.. outcomes.Select(o => o.ToString())]);
    }
}
