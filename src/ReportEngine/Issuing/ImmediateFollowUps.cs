using ReportEngine.Archive;

namespace ReportEngine.Issuing;

/// <summary>
/// Follow-up work done at once, in this process, for callers with no job server (the command line): the entry is
/// committed first, so a copy that fails here is "PDF/A pending" and can be made later.
/// </summary>
public sealed class ImmediateFollowUps(PdfACopy pdfACopy) : IFollowUps
{
    public Task ScheduleAsync(string archiveId, CancellationToken cancellationToken) => pdfACopy.MakeAsync(archiveId, cancellationToken);
}
