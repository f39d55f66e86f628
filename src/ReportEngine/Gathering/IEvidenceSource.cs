namespace ReportEngine.Gathering;

/// <summary>Where an authority's evidence comes from: a dataset folder today, PostgreSQL next.</summary>
public interface IEvidenceSource
{
    /// <summary>Reads and validates the whole evidence set; throws <see cref="DatasetRejectedException"/> when it breaks the contract.</summary>
    Task<GatheredEvidence> GatherAsync(CancellationToken cancellationToken = default);
}
