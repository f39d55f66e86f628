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
    bool BankHolidaysFromDataset)
{
    public static ProvenanceView For(ReportContext context) => new(
        context.Gathered.Provenance.Source,
        context.Gathered.Provenance.Sha256,
        context.Gathered.Provenance.RowsPerFile,
        context.Run.TemplateVersion,
        context.Run.EngineVersion,
        PackMetrics.ContractVersion,
        context.Gathered.Evidence.BankHolidays.IsFromDataset);
}
