using ReportEngine.Archive;

namespace ReportEngine.Issuing;

/// <summary>The archived report's PDF/A-2b copy, made by Ghostscript and added to the archive beside the issued PDF.</summary>
public sealed class PdfACopyFollowUp(PdfACopy copy) : IFollowUp
{
    public string Name => "PDF/A copy";

    public bool Enabled => true;

    public bool WaitsForReports => true;

    public async Task<FollowUpOutcome> RunAsync(string archiveId, CancellationToken cancellationToken)
    {
        await copy.MakeAsync(archiveId, cancellationToken);
        return FollowUpOutcome.Done;
    }
}
