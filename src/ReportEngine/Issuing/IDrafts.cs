using ReportEngine.Kinds;
using ReportEngine.Rendering;
using ReportEngine.Review;

namespace ReportEngine.Issuing;

/// <summary>What the issuing path asks of review (review.md): whether a report needs it, its current draft, and keeping a new one.</summary>
public interface IDrafts
{
    Task<ReviewMode> ModeAsync(string authority, ReportKind kind, CancellationToken cancellationToken);

    /// <summary>The report's open, returned or stale draft; null when it has none.</summary>
    Task<Draft?> CurrentAsync(ReportIdentity report, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a draft made from <paramref name="snapshot"/> as its first version; one made again from a stale draft
    /// (<paramref name="replacing"/>) takes its place, which is discarded saying so. When another process kept one
    /// for the report first, that one is returned and this one dropped.
    /// </summary>
    Task<Draft> KeepAsync(ReportIdentity report, byte[] snapshot, RenderedReport draft, IReadOnlyList<Commentary> commentary, string createdBy,
        string? regenerationReason, Draft? replacing, CancellationToken cancellationToken);
}
