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
        var inSupport = episodes.GroupBy(x => x.PersonId, StringComparer.Ordinal)
            .Where(g => CoversEveryDay(g, yearBefore, e))
            .Select(g => g.Key)
            .ToList();
        var reviewed = reviews.Where(r => r.CompletedOn > yearBefore && r.CompletedOn <= e).Select(r => r.PersonId).ToHashSet(StringComparer.Ordinal);
        return new ReviewMetrics(Ratio.Percent(inSupport, reviewed.Contains));
    }

    /// <summary>Whether on every date from <paramref name="from"/> to <paramref name="to"/> one of the episodes is active.</summary>
    internal static bool CoversEveryDay(IEnumerable<SupportEpisode> episodes, DateOnly from, DateOnly to)
    {
        var uncovered = from; // the first day not yet known to be covered
        foreach (var episode in episodes.OrderBy(x => x.StartDate))
        {
            if (episode.StartDate > uncovered) return false;
            if (episode.EndDate is not { } end) return true;
            if (end >= uncovered) uncovered = end.AddDays(1);
            if (uncovered > to) return true;
        }
        return false;
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        yield return K("reviews.reviewed_12m_pct", Reviewed12m);
        yield return K("reviews.overdue", N(Overdue));
    }
}
