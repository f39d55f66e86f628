using ReportEngine.Evidence;
using ReportEngine.Gathering;
using ReportEngine.Kinds;

namespace ReportEngine.Issuing;

/// <summary>
/// A request for one report: which kind, period and statement, from which evidence, who asked and why. With
/// <see cref="Regenerate"/> a report already issued is issued again (after a data correction), superseding the old one.
/// </summary>
/// <param name="OutputFolder">Where the PDF and metrics.json are also written (whole or not at all); null for none.</param>
public sealed record ReportRequest(
    ReportKind Kind,
    ReportPeriod Period,
    QualityStatement? Statement,
    IEvidenceSource Evidence,
    Requester RequestedBy,
    string? Reason = null,
    bool Regenerate = false,
    string? OutputFolder = null)
{
    public ReportIdentity IdentityFor(string authority) => ReportIdentity.Of(authority, Kind, Period, Statement);
}
