using ReportEngine.Gathering;
using ReportEngine.Kinds;

namespace ReportEngine.Issuing;

/// <summary>
/// A request for one report: which report, from which evidence, who asked and why. With <see cref="Regenerate"/> a
/// report already issued is issued again (after a data correction), superseding the old one.
/// </summary>
/// <param name="Report">The report; its authority is the evidence's (a dataset folder's names its own).</param>
/// <param name="OutputFolder">Where the PDF and metrics.json are also written (whole or not at all); null for none.</param>
/// <param name="DeliverAgain">A regeneration whose evidence and templates are unchanged is delivered again only when asked.</param>
/// <param name="Review">For a report that is reviewed (review.md): a draft's marks, or the sign-off of one approved, with its commentary.</param>
/// <param name="Editions">The editions written beside the PDF in <see cref="OutputFolder"/> (HTML, Excel, Word); the PDF is always made.</param>
/// <param name="Approving">The draft whose approval this request issues (with its sign-off in <see cref="Review"/>); the archive entry names it.</param>
public sealed record ReportRequest(
    ReportIdentity Report,
    IEvidenceSource Evidence,
    Requester RequestedBy,
    string? Reason = null,
    bool Regenerate = false,
    string? OutputFolder = null,
    bool DeliverAgain = false,
    Review.ReviewMarks? Review = null,
    Review.DraftId? Approving = null,
    IReadOnlyList<Editions.EditionFormat>? Editions = null);
