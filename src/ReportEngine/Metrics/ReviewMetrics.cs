using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// <c>reviews.*</c>: of people in long-term support for the whole year to E, those reviewed in it. Per person, so
/// unplanned reviews count and a move between settings (two episodes sharing a day) is not a break.
/// </summary>
public sealed record ReviewMetrics(Ratio Reviewed12m)
{
    public long Overdue => (long)(Reviewed12m.Denominator - Reviewed12m.Numerator);

    public static ReviewMetrics Compute(IReadOnlyList<SupportEpisode> episodes, IReadOnlyList<SupportReview> reviews, ReportingPeriod period)
    {
        var e = period.End;
        var yearBefore = e.AddMonths(-12);
        var reviewed = reviews.Where(r => r.CompletedOn > yearBefore && r.CompletedOn <= e).Select(r => r.PersonId).ToHashSet(StringComparer.Ordinal);
        // In support on every day from E − 12 months to E: one merged span covers them all.
        var inSupport = CareActIndexes.SupportSpans(episodes).Where(p => p.Spans.Any(span => span.From <= yearBefore && span.To >= e)).Select(p => p.Person);
        return new ReviewMetrics(Ratio.Percent(inSupport, reviewed.Contains));
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        yield return K("reviews.reviewed_12m_pct", Reviewed12m);
        yield return K("reviews.overdue", N(Overdue));
    }
}
