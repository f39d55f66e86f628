using Hangfire;
using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Issuing;

namespace ReportEngine.Service;

/// <summary>
/// Each follow-up of an archived report as a job of its own, keyed by archive id: running one again does nothing that
/// was done. Ghostscript failing is retried too (a killed or starved process is not a bad input).
/// </summary>
public sealed class FollowUpJobs(IEnumerable<IFollowUp> followUps, ILogger<FollowUpJobs> logger)
{
    [JobDisplayName("{0} of {1}")]
    public async Task RunAsync(string followUp, string archiveId, CancellationToken cancellationToken)
    {
        var work = followUps.SingleOrDefault(f => f.Name == followUp)
            ?? throw new InvalidOperationException($"no follow-up is called '{followUp}' (jobs of an older version?)");
        try
        {
            if (!(await work.RunAsync(archiveId, cancellationToken)).Complete)
                throw new FollowUpPendingException($"{followUp} of {archiveId} is not complete yet");
            logger.LogInformation("{FollowUp} of archive entry {ArchiveId} done", followUp, archiveId);
        }
        catch (ArchiveToolException ex)
        {
            // Permanent while issuing (the report is refused), but the entry here is issued and sound: try again later.
            throw new FollowUpPendingException(ex.Message, ex);
        }
    }
}

/// <summary>A follow-up of an issued report is not done yet (a tool failed, a server was away): temporary, so the retry policy tries again.</summary>
public sealed class FollowUpPendingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Gives each follow-up of an archived report a job on the Hangfire server shared by every <c>serve</c>.</summary>
public sealed class HangfireFollowUps(IEnumerable<IFollowUp> followUps, IBackgroundJobClient jobs) : IFollowUps
{
    public Task<IReadOnlyList<FollowUpOutcome>> ScheduleAsync(string archiveId, CancellationToken cancellationToken)
    {
        foreach (var followUp in followUps.Where(f => f.Enabled))
        {
            var name = followUp.Name;
            // The queue is given with the job (not only to its first state), so that a retry goes back to it.
            jobs.Enqueue<FollowUpJobs>(followUp.WaitsForReports ? JobQueues.WhenIdle : JobQueues.FollowUps,
                job => job.RunAsync(name, archiveId, CancellationToken.None));
        }
        return Task.FromResult<IReadOnlyList<FollowUpOutcome>>([]);
    }
}
