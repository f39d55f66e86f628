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
        var index = CareActIndexes.ReviewsOf(episodes, reviews);
        var reviewed = index.ReviewedBetween(yearBefore, e);
        long inSupport = 0, reviewedOfThem = 0;
        var people = index.Support;
        for (var person = 0; person < people.Count; person++)
        {
            // In support on every day from E − 12 months to E: one merged span covers them all.
            if (!Array.Exists(people[person].Spans, span => span.From <= yearBefore && span.To >= e)) continue;
            inSupport++;
            if (reviewed[person]) reviewedOfThem++;
        }
        return new ReviewMetrics(Ratio.Percent(reviewedOfThem, inSupport));
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        yield return K("reviews.reviewed_12m_pct", Reviewed12m);
        yield return K("reviews.overdue", N(Overdue));
    }
}
