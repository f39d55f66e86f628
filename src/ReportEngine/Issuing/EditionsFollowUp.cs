using ReportEngine.Archive;

namespace ReportEngine.Issuing;

/// <summary>The archived report's HTML, Excel and Word editions, made from its snapshot and added to the archive beside its PDF.</summary>
public sealed class EditionsFollowUp(ArchiveEditions editions) : IFollowUp
{
    public string Name => "Editions";

    public bool Enabled => true;

    // The report is issued and readable already; its editions may wait for reports people are waiting for.
    public bool WaitsForReports => true;

    public async Task<FollowUpOutcome> RunAsync(string archiveId, CancellationToken cancellationToken)
    {
        await editions.MakeAsync(archiveId, cancellationToken);
        return FollowUpOutcome.Done;
    }
}
