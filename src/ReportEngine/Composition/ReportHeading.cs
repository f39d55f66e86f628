using ReportEngine.Metrics;

namespace ReportEngine.Composition;

/// <summary>
/// What every page and the cover of a report say about it: whose, what, which period, when, how marked, which archive
/// entry, and (for a report that is reviewed) whether it is a draft, who approved it and the commentary.
/// </summary>
/// <param name="Period">The report's last month M (for a business year, its March).</param>
/// <param name="PeriodWords">The report's period for people: <c>January 2024</c>, <c>2023-24 (April 2023 to March 2024)</c>.</param>
public sealed record ReportHeading(
    string AuthorityName,
    string AuthorityCode,
    string ReportTitle,
    ReportingPeriod Period,
    string PeriodWords,
    DateOnly PeriodEnd,
    DateTimeOffset GeneratedAt,
    string ProtectiveMarking,
    string? ArchiveId,
    string? SnapshotSha256,
    ReviewView? Review)
{
    public static ReportHeading For(ReportContext context) => new(
        context.Gathered.Evidence.Authority.Name, context.Gathered.Evidence.Authority.Code, context.Title,
        context.Period.LastMonth, context.Period.Words, context.Period.End,
        context.Run.GeneratedAt, context.Run.ProtectiveMarking, context.Run.ArchiveId, context.Run.SnapshotSha256,
        context.Run.Review is { } review ? ReviewView.Of(review) : null);
}
