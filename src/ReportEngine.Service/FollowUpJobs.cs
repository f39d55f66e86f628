using Hangfire;
using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Issuing;

namespace ReportEngine.Service;

/// <summary>
/// The follow-up jobs of an archived report, keyed by its archive id: running one again does nothing that was done.
/// Ghostscript failing is retried too (a killed or starved process is not a bad input).
/// </summary>
public sealed class FollowUpJobs(ReportArchive archive, ILogger<FollowUpJobs> logger)
{
    [JobDisplayName("PDF/A copy of {0}")]
    public async Task MakePdfACopyAsync(string archiveId, CancellationToken cancellationToken)
    {
        try
        {
            if (await archive.PdfACopy.MakeAsync(archiveId, cancellationToken))
                logger.LogInformation("Made the PDF/A copy of archive entry {ArchiveId}", archiveId);
        }
        catch (ArchiveToolException ex)
        {
            // Permanent while issuing (the report is refused), but the entry here is issued and sound: try again later.
            throw new FollowUpToolException(ex);
        }
    }
}

/// <summary>A tool failed while making a follow-up of an issued report: temporary, so the retry policy tries again.</summary>
public sealed class FollowUpToolException(ArchiveToolException inner) : Exception(inner.Message, inner);

/// <summary>Enqueues an archived report's follow-up jobs on the Hangfire server shared by every <c>serve</c>: its PDF/A copy and, when a mail server is set, its delivery.</summary>
public sealed class HangfireFollowUps(IBackgroundJobClient jobs, Delivery.ReportDelivery delivery) : IFollowUps
{
    public Task ScheduleAsync(string archiveId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<FollowUpJobs>(job => job.MakePdfACopyAsync(archiveId, CancellationToken.None));
        if (delivery.Enabled) jobs.Enqueue<Delivery.DeliveryJobs>(job => job.DeliverReportAsync(archiveId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
