using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using ReportEngine.Foundation;
using ReportEngine.Service.Web.Requests;

namespace ReportEngine.Service;

/// <summary>How long a job keeps trying after temporary failures.</summary>
public enum RetrySchedule
{
    /// <summary>Six tries over about nine minutes: reports and their PDF/A copies.</summary>
    Minutes,

    /// <summary>Ten tries over about sixteen hours: email, whose servers can be away for hours.</summary>
    Hours,
}

/// <summary>Which <see cref="RetrySchedule"/> a job class follows; without it, <see cref="RetrySchedule.Minutes"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RetryScheduleAttribute(RetrySchedule schedule) : Attribute
{
    public RetrySchedule Schedule { get; } = schedule;
}

/// <summary>
/// The one retry policy of every job, a global filter in place of Hangfire's default one: a failure that
/// <see cref="FailurePolicy"/> calls permanent fails at once; any other is tried again after growing delays (the job's
/// <see cref="RetrySchedule"/>) and fails when they run out. When a requested report's job fails, its request is marked
/// failed with the reason, whichever attempt it was.
/// </summary>
public sealed class RetryPolicy(RequestStore requests, ILogger<RetryPolicy> logger) : IElectStateFilter, IApplyStateFilter, IJobFilter
{
    // Hangfire's own policy does the scheduling; its events are logged by JobEventLog, one line each.
    private static readonly AutomaticRetryAttribute Minutes = new()
        { LogEvents = false, Attempts = 6, DelaysInSeconds = [5, 15, 30, 60, 120, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail };

    private static readonly AutomaticRetryAttribute Hours = new()
        { LogEvents = false, Attempts = 10, DelaysInSeconds = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800], OnAttemptsExceeded = AttemptsExceededAction.Fail };

    public bool AllowMultiple => false;

    /// <summary>As Hangfire's own policy: before <see cref="JobEventLog"/>, which reports the state chosen here.</summary>
    public int Order => 20;

    /// <summary>Takes the place of Hangfire's default policy (ten tries for anything) in its global filters.</summary>
    public void Install()
    {
        GlobalJobFilters.Filters.Remove(typeof(AutomaticRetryAttribute));
        GlobalJobFilters.Filters.Add(this, Order);
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is FailedState { Exception: var failure } && !FailurePolicy.IsPermanent(failure))
            ScheduleOf(context.BackgroundJob.Job).OnStateElection(context);
        if (context.CandidateState is FailedState failed && RequestOf(context.BackgroundJob.Job) is { } request)
        {
            try
            {
                requests.FailAsync(request, failed.Exception.Message).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Request {RequestId} could not be marked failed: {Problem}", request, ex.Message);
            }
        }
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        ScheduleOf(context.BackgroundJob.Job).OnStateApplied(context, transaction);

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        ScheduleOf(context.BackgroundJob.Job).OnStateUnapplied(context, transaction);

    private static AutomaticRetryAttribute ScheduleOf(Job? job) =>
        job?.Type.GetCustomAttributes(typeof(RetryScheduleAttribute), false) is [RetryScheduleAttribute { Schedule: RetrySchedule.Hours }] ? Hours : Minutes;

    /// <summary>The request a job issues, for a person's request (<see cref="ReportJob.IssueRequestAsync"/>).</summary>
    private static long? RequestOf(Job? job) =>
        job is { Method.Name: nameof(ReportJob.IssueRequestAsync) } && job.Type == typeof(ReportJob) && job.Args[0] is long id ? id : null;
}
