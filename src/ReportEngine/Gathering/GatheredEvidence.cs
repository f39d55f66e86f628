using ReportEngine.Evidence;

namespace ReportEngine.Gathering;

/// <summary>Evidence together with where it came from, for the pack's provenance appendix.</summary>
public sealed record GatheredEvidence(EvidenceSet Evidence, EvidenceProvenance Provenance);

/// <param name="Source">A human description of the source (a folder path, a database authority).</param>
/// <param name="Sha256">Hash over the contract's files, name and bytes, in name order.</param>
/// <param name="RowsPerFile">Data rows per contract file, in name order.</param>
public sealed record EvidenceProvenance(string Source, string Sha256, IReadOnlyList<KeyValuePair<string, int>> RowsPerFile);
