using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace ReportEngine.Service.Telemetry;

/// <summary>
/// Joins a job's work to the trace of what asked for it: when a job is created under an activity (an API request, a
/// report's follow-ups), its W3C <c>traceparent</c> is kept as a job parameter, and whichever <c>serve</c> performs the
/// job starts the job's span with that parent, so the request, the job, the print and the archive's writes are one
/// trace. Hangfire performs a job on the thread that ran <see cref="OnPerforming"/>, so the span is current for it.
/// </summary>
internal sealed class JobTracing : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string SourceName = "ReportEngine.Jobs";
    private const string Parameter = "TraceParent";
    private const string Item = "ReportEngine.JobActivity";
    private static readonly ActivitySource Source = new(SourceName);

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id }) context.SetJobParameter(Parameter, id);
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob;
        ActivityContext.TryParse(context.GetJobParameter<string>(Parameter), null, out var parent);
        var activity = Source.StartActivity($"job {job.Job.Type.Name}.{job.Job.Method.Name}", ActivityKind.Consumer, parent);
        activity?.SetTag("hangfire.job_id", job.Id);
        if (activity is not null) context.Items[Item] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(Item, out var item) || item is not Activity activity) return;
        if (context.Exception is { } failure && !context.ExceptionHandled) activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        activity.Dispose();
    }
}
