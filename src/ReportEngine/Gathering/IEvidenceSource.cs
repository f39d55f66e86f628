namespace ReportEngine.Gathering;

/// <summary>Where an authority's evidence comes from: a dataset folder or PostgreSQL.</summary>
public interface IEvidenceSource
{
    /// <summary>The authority's code when known before gathering (a database source); null when only the evidence tells (a folder).</summary>
    string? Authority { get; }

    /// <summary>Reads and validates the whole evidence set; throws <see cref="DatasetRejectedException"/> when it breaks the contract.</summary>
    Task<GatheredEvidence> GatherAsync(CancellationToken cancellationToken = default);
}
