using ReportEngine.Issuing;
using ReportEngine.Archive;
using ReportEngine.Kinds;
using ReportEngine.Rendering;

namespace ReportEngine.Issuing;

/// <summary>What issuing a report gave: the archive entry (when archived), where the PDF was written, and whether it was issued before.</summary>
/// <param name="Reused">True when the report had been issued already and nothing was rendered.</param>
/// <param name="Rendered">The pack as rendered this time; null when it was issued before or taken from an interrupted run's entry.</param>
/// <param name="Draft">For a report that is reviewed, the draft made (or found) instead of an archive entry.</param>
/// <param name="FollowUps">What the follow-ups done at once gave (none when they went to jobs, the report was issued before, or it is not archived).</param>
public sealed record IssuedReport(ReportIdentity Report, ArchiveRecord? Entry, string? PdfPath, int Pages, bool Reused, RenderedReport? Rendered,
    IReadOnlyList<FollowUpOutcome> FollowUps, Draft? Draft = null)
{
    /// <summary>
    /// Editions were asked for but not written: the report was issued before (or its run was interrupted after it was
    /// archived), so nothing was rendered to make them from; the archive's own editions are the way to them.
    /// </summary>
    public bool EditionsNotWritten { get; init; }
}
