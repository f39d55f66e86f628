using System.Globalization;
using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace ReportEngine.Service;

/// <summary>
/// Says in one log line what happened to a job that did not simply run: taken over from a process that stopped while
/// running it, tried again after a failure, or given up. Each line names the job as the dashboard does, the progress it
/// had reached, and the cause in a sentence; the stack trace stays out of it (it is in the job's state in Hangfire).
/// Runs after <see cref="RetryPolicy"/> (order 20), so it sees the state the policy chose; the policy itself does not
/// log, so that every event is this one line.
/// </summary>
public sealed class JobEventLog(ILogger<JobEventLog> logger) : IElectStateFilter, IJobFilter
{
    private const string Unknown = "unknown";

    /// <summary>The report a report job issues, so that its lines name it (a request's job is named by the request's number).</summary>
    public const string ReportParameter = "Report";

    public bool AllowMultiple => false;

    public int Order => 100;

    public void OnStateElection(ElectStateContext context)
    {
        var job = context.BackgroundJob;
        switch (context.CandidateState)
        {
            case ProcessingState processing when context.CurrentState == ProcessingState.StateName:
                var previous = context.Connection.GetStateData(job.Id)?.Data;
                var server = previous is not null && previous.TryGetValue("ServerId", out var id) ? id : Unknown;
                if (server == processing.ServerId) return;
                logger.LogWarning("Job {JobId} ({Job}) taken over from server {Server}, which stopped while running it{Progress}",
                    job.Id, NameOf(context), server, ProgressOf(context));
                break;
            case ScheduledState retry when context.CurrentState == ProcessingState.StateName:
                logger.LogWarning("Job {JobId} ({Job}) failed{Progress}; it runs again at {RetryAt:HH:mm:ss} UTC ({Reason})",
                    job.Id, NameOf(context), ProgressOf(context), retry.EnqueueAt, OneLine(retry.Reason));
                break;
            case FailedState failed:
                logger.LogError("Job {JobId} ({Job}) failed{Progress} and is not tried again: {Problem}",
                    job.Id, NameOf(context), ProgressOf(context), OneLine($"{failed.Exception.GetType().Name}: {failed.Exception.Message}"));
                break;
        }
    }

    /// <summary>
    /// The name the dashboard shows (<see cref="JobDisplayNameAttribute"/> filled with the arguments), and the report
    /// when the name does not say it: "Requested report 5: NDC/monthly/2024-01".
    /// </summary>
    private static string NameOf(ElectStateContext context)
    {
        var job = context.BackgroundJob.Job;
        if (job is null) return Unknown;
        var display = job.Method.GetCustomAttribute<JobDisplayNameAttribute>()?.DisplayName;
        var name = display is null ? $"{job.Type.Name}.{job.Method.Name}" : string.Format(CultureInfo.InvariantCulture, display, [.. job.Args]);
        return context.GetJobParameter<string>(ReportParameter) is { Length: > 0 } report && !name.Contains(report, StringComparison.Ordinal)
            ? $"{name}: {report}"
            : name;
    }

    /// <summary>" at 40% — Printing" for a report job, which records its progress; nothing for other jobs.</summary>
    private static string ProgressOf(ElectStateContext context) =>
        context.GetJobParameter<string>(JobProgress.Parameter) is { Length: > 0 } progress ? $" at {progress}" : "";

    private static string OneLine(string? text) => string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
