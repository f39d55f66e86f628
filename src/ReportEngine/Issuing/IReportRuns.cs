using ReportEngine.Kinds;

namespace ReportEngine.Issuing;

/// <summary>
/// The run records that make each report issue once: claiming a report locks it until the claim is completed or
/// released, so retried, duplicated and concurrent requests wait, then find it issued.
/// </summary>
public interface IReportRuns
{
    /// <summary>Null when the report has been issued already and <paramref name="again"/> is false.</summary>
    Task<IReportRunClaim?> ClaimAsync(ReportIdentity report, string claimant, bool again, CancellationToken cancellationToken);
}

/// <summary>A claimed run: held until completed, failed or disposed (a process that dies releases it too).</summary>
public interface IReportRunClaim : IAsyncDisposable
{
    Guid RunId { get; }

    Task CompleteAsync(IssuedFacts facts, CancellationToken cancellationToken);

    /// <summary>Records a permanent failure (bad data, a template error): retrying will not make it succeed.</summary>
    Task FailAsync(string error, CancellationToken cancellationToken);
}

/// <summary>What a finished run records: the archive entry, where the PDF was written, its hash and pages.</summary>
public sealed record IssuedFacts(string? ArchiveId, string? PdfPath, string PdfSha256, int Pages);
