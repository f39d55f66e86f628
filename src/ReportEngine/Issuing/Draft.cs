using ReportEngine.Kinds;
using ReportEngine.Review;

namespace ReportEngine.Issuing;

/// <summary>
/// A report made but not issued (review.md): rendered with the DRAFT marks from a frozen snapshot of the evidence,
/// worked on in versions (each change of commentary renders it again from that snapshot) until it is approved, which
/// issues it, or discarded.
/// </summary>
/// <param name="Version">The current version: 1 when made, one more for each change of commentary.</param>
/// <param name="Commentary">The commentary as it stands, slot by slot in the kind's order.</param>
/// <param name="LastCommentaryBy">Who last changed the commentary (the account's email): the one person who may not approve it.</param>
/// <param name="StateReason">Why it was returned or discarded.</param>
/// <param name="ArchiveId">The archive entry its approval issued.</param>
/// <param name="RegenerationReason">A regeneration's reason: its approval issues an entry superseding the one issued before.</param>
public sealed record Draft(
    DraftId Id,
    ReportIdentity Report,
    string State,
    int Version,
    IReadOnlyList<Commentary> Commentary,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LastCommentaryBy,
    string? StateReason,
    string? ArchiveId,
    string? RegenerationReason);
