using ReportEngine.Metrics;

namespace ReportEngine.Composition;

/// <summary>The provenance appendix of every report: where its data came from and what made it.</summary>
public sealed record ProvenanceView(
    string Source,
    string DatasetSha256,
    IReadOnlyList<KeyValuePair<string, int>> RowsPerFile,
    string TemplateVersion,
    string EngineVersion,
    int ContractVersion,
    bool BankHolidaysFromDataset,
    DateOnly? ExtractedOn,
    IDictionary<string, object> Covers)
{
    /// <summary>Whether the dataset says what any file covers: only then has the rows table its column.</summary>
    public bool ShowsCoverage => Covers.Count > 0;

    public static ProvenanceView For(ReportContext context) => new(
        context.Gathered.Provenance.Source,
        context.Gathered.Provenance.Sha256,
        context.Gathered.Provenance.RowsPerFile,
        context.Run.TemplateVersion,
        context.Run.EngineVersion,
        PackMetrics.ContractVersion,
        context.Gathered.Evidence.BankHolidays.IsFromDataset,
        context.Gathered.Evidence.Authority.ExtractedOn,
        // coverage.md: what each event file says it covers, where the dataset says.
        DatasetCoverage.Of(context.Gathered.Evidence).Known.ToDictionary(k => k.Key, k => (object)ReportFormat.Covers(k.Value), StringComparer.Ordinal));
}
