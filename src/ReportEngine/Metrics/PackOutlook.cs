using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// What metrics.md's version 2 adds to the monthly pack: each target's status, 24-month trends of the headline figures,
/// and "What needs attention" with the counts behind it. Pure, like every figure.
/// </summary>
public sealed record PackOutlook(
    IReadOnlyList<(Target Target, string? Status)> Statuses,
    IReadOnlyList<Trend> Trends,
    IReadOnlyList<StatementScores> SelfAboveCqc,
    IReadOnlyList<ImprovementAction> GreenButOverdue,
    IReadOnlyList<AttentionSignal> Attention)
{
    /// <summary>The figures trend.* follows, in metrics.md's order.</summary>
    public static readonly string[] TrendKeys =
    [
        "complaints.ack_on_time_pct", "complaints.response_on_time_pct", "complaints.uphold_rate_pct", "complaints.received_12m",
        "training.compliance_pct", "supervision.compliance_pct", "workforce.turnover_pct_12m", "actions.overdue",
        // operations.md: present when the key's files are.
        "waits.waiting.CARE_ACT_ASSESSMENT", "reviews.reviewed_12m_pct", "safeguarding.s42_open_at_end", "dols.not_completed_at_end",
    ];

    public const int TrendMonths = 24;

    /// <param name="current">The pack's month's figures.</param>
    /// <param name="yearEarlier">The figures of the same month a year earlier.</param>
    /// <param name="trendMonths">The trend keys' numbers for each of the 24 months ending with the pack's month, oldest first (<see cref="TrendFigures"/>).</param>
    /// <param name="data">What the evidence's files cover.</param>
    internal static PackOutlook Compute(EvidenceSet evidence, PackMetrics current, PackMetrics yearEarlier, IReadOnlyList<IReadOnlyDictionary<string, double?>> trendMonths,
        DatasetCoverage data, Comparisons? comparisons = null)
    {
        var periods = TrendPeriods(current.Period).ToList();
        if (trendMonths.Count != periods.Count) throw new ArgumentException($"a trend has {TrendMonths} months, not {trendMonths.Count}", nameof(trendMonths));
        var coverage = periods.Select(p => new FigureCoverage(data, p)).ToList();
        var byKey = current.ByKey().ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        // A figure the data does not cover has no status, and a month it does not cover is left out of its trend.
        var statuses = (evidence.Targets ?? [])
            .Select(t => (t, coverage[^1].Covers(t.Metric) ? TargetStatus.Of(t, TargetStatus.NumberOf(byKey.GetValueOrDefault(t.Metric))) : null))
            .ToList();
        var trends = TrendKeys
            .Where(byKey.ContainsKey)
            .Select(key => new Trend(key, periods.Select((p, i) => new TrendPoint(p, coverage[i].Covers(key) ? trendMonths[i].GetValueOrDefault(key) : null)).ToList()))
            .ToList();
        var selfAboveCqc = current.Readiness.Statements.Where(s => s is { Self: { } self, Cqc: { } cqc } && self.Score > cqc.Score).ToList();
        var greenButOverdue = current.Actions.OverdueActions.Where(a => a.Rag == Rag.Green).ToList();
        var aYearBefore = periods.Count - 1 - 12;
        return new PackOutlook(statuses, trends, selfAboveCqc, greenButOverdue,
            AttentionRanking.Rank(current, yearEarlier, coverage[^1], coverage[aYearBefore], statuses, selfAboveCqc, greenButOverdue, comparisons));
    }

    /// <summary>The months a trend covers: the 24 ending with <paramref name="month"/>, oldest first.</summary>
    public static IEnumerable<ReportingPeriod> TrendPeriods(ReportingPeriod month) => Enumerable.Range(0, TrendMonths).Select(i => month.Shift(i - TrendMonths + 1));

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        foreach (var (target, status) in Statuses) yield return K($"status.{target.Metric}", new TextValue(status));
        foreach (var trend in Trends)
            foreach (var point in trend.Points)
                yield return K($"trend.{trend.Key}.{point.Month}", new NumberValue(point.Value));
        yield return K("attention.self_above_cqc", N(SelfAboveCqc.Count));
        yield return K("attention.green_but_overdue", N(GreenButOverdue.Count));
    }
}

/// <summary>A figure month by month.</summary>
public sealed record Trend(string Key, IReadOnlyList<TrendPoint> Points);

/// <summary>A figure's value at the end of a month; null when it could not be computed (no data that month).</summary>
public sealed record TrendPoint(ReportingPeriod Month, double? Value);
