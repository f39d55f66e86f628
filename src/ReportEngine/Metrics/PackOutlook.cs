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

    /// <param name="months">The pack's figures for each of the 24 months ending with the pack's month, oldest first.</param>
    /// <param name="data">What the evidence's files cover.</param>
    public static PackOutlook Compute(EvidenceSet evidence, IReadOnlyList<PackMetrics> months, DatasetCoverage data, Comparisons? comparisons = null)
    {
        var current = months[^1];
        var coverage = months.Select(m => new FigureCoverage(data, m.Period)).ToList();
        var byKey = current.ByKey().ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        // A figure the data does not cover has no status, and a month it does not cover is left out of its trend.
        var statuses = (evidence.Targets ?? [])
            .Select(t => (t, coverage[^1].Covers(t.Metric) ? TargetStatus.Of(t, TargetStatus.NumberOf(byKey.GetValueOrDefault(t.Metric))) : null))
            .ToList();
        var monthly = months.Select(m => m.ByKey().Where(k => TrendKeys.Contains(k.Key)).ToDictionary(k => k.Key, k => TargetStatus.NumberOf(k.Value))).ToList();
        var trends = TrendKeys
            .Where(byKey.ContainsKey)
            .Select(key => new Trend(key, months.Select((m, i) => new TrendPoint(m.Period, coverage[i].Covers(key) ? monthly[i].GetValueOrDefault(key) : null)).ToList()))
            .ToList();
        var selfAboveCqc = current.Readiness.Statements.Where(s => s is { Self: { } self, Cqc: { } cqc } && self.Score > cqc.Score).ToList();
        var greenButOverdue = current.Actions.OverdueActions.Where(a => a.Rag == Rag.Green).ToList();
        var yearEarlier = months.Count - 1 - 12;
        return new PackOutlook(statuses, trends, selfAboveCqc, greenButOverdue,
            AttentionRanking.Rank(current, months[yearEarlier], coverage[^1], coverage[yearEarlier], statuses, selfAboveCqc, greenButOverdue, comparisons));
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
