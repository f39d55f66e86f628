using ReportEngine.Composition;
using ReportEngine.Composition.Monthly;

namespace ReportEngine.Packs;

/// <summary>
/// A kind of report: its template folder under <c>templates/</c> (with <c>pack</c>, <c>header</c> and <c>footer</c>
/// templates) and its view-model builder. Adding a report kind means adding one of these.
/// </summary>
public sealed record PackKind(string Name, IViewModelBuilder Builder)
{
    public static PackKind Monthly { get; } = new("monthly", new MonthlyPackBuilder());

    public const string DocumentTemplate = "pack.sbn-html";
    public const string HeaderTemplate = "header.sbn-html";
    public const string FooterTemplate = "footer.sbn-html";

    /// <summary><c>NDC-2024-01-monthly.pdf</c>.</summary>
    public string FileName(string authorityCode, Metrics.ReportingPeriod period) => $"{authorityCode}-{period}-{Name}.pdf";
}
