using ReportEngine.Rendering;

namespace ReportEngine.Service.Web.Requests;

/// <summary>
/// Writes a requested report's progress to its record, where the request page reads it, and passes it on to the
/// job's own progress. The last stages (the PDF printed, the entry being sealed) count as archiving.
/// </summary>
internal sealed class RequestProgress(RequestStore requests, long requestId, IProgress<ReportProgress> next) : IProgress<ReportProgress>
{
    public void Report(ReportProgress value)
    {
        next.Report(value);
        var status = value.Stage is ReportStage.Done or ReportStage.Writing ? RequestStatus.Archiving : RequestStatus.Rendering;
        // Progress is advice: a lost update is overtaken by the next, so the render does not wait for it.
        _ = requests.ProgressAsync(requestId, status, value.Percent, value.Description).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
