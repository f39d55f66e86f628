using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// Which way is better for a figure (metrics.md version 2): a targets.csv row's <c>better</c>, else the figure's own
/// direction, else none — the uphold rate, for one, is only ever "up" or "down".
/// </summary>
public static class MetricDirection
{
    private static readonly Dictionary<string, Better> Defaults = new(StringComparer.Ordinal)
    {
        ["complaints.ack_on_time_pct"] = Better.Higher,
        ["complaints.response_on_time_pct"] = Better.Higher,
        ["training.compliance_pct"] = Better.Higher,
        ["supervision.compliance_pct"] = Better.Higher,
        ["supervision.standard_pct"] = Better.Higher,
        ["readiness.evidence_freshness_pct"] = Better.Higher,
        ["actions.completed_on_time_pct_12m"] = Better.Higher,
        ["workforce.turnover_pct_12m"] = Better.Lower,
        ["workforce.agency_fte_share_pct"] = Better.Lower,
        ["complaints.overdue_open"] = Better.Lower,
        ["actions.overdue"] = Better.Lower,
        ["training.overdue"] = Better.Lower,
        // operations.md
        ["reviews.reviewed_12m_pct"] = Better.Higher,
        ["safeguarding.msp_asked_pct_12m"] = Better.Higher,
        ["safeguarding.msp_achieved_pct_12m"] = Better.Higher,
        ["safeguarding.risk_reduced_removed_pct_12m"] = Better.Higher,
        ["dols.within_21d_pct_12m"] = Better.Higher,
        ["reviews.overdue"] = Better.Lower,
        ["safeguarding.median_days_to_decision_12m"] = Better.Lower,
        ["safeguarding.undecided_at_end"] = Better.Lower,
        ["safeguarding.median_days_to_conclude_12m"] = Better.Lower,
        ["safeguarding.s42_open_at_end"] = Better.Lower,
        ["safeguarding.s42_open_over_6_months"] = Better.Lower,
        ["dols.not_completed_at_end"] = Better.Lower,
        ["dols.longest_wait_days"] = Better.Lower,
        ["dols.median_days_to_decide_12m"] = Better.Lower,
    };

    /// <summary>Every <c>waits.*</c> figure is better lower, except the counts of waits closed unstarted, which have no direction.</summary>
    static MetricDirection()
    {
        foreach (var family in WaitMetrics.Families.Where(f => !f.Contains("_unstarted_", StringComparison.Ordinal)))
            foreach (var kind in CodeNames<WaitKind>.Codes)
                Defaults[family + kind] = Better.Lower;
    }

    /// <summary>The figures with a direction of their own.</summary>
    public static IEnumerable<string> Keys => Defaults.Keys;

    public static Better? Of(string key, IReadOnlyList<Target>? targets) =>
        targets?.FirstOrDefault(t => t.Metric == key)?.Better ?? (Defaults.TryGetValue(key, out var better) ? better : null);

    /// <summary>"better", "worse", or — for a figure without a direction — "up" or "down"; null when it did not move or a side is missing.</summary>
    public static string? Word(string key, double? now, double? before, IReadOnlyList<Target>? targets)
    {
        if (now is null || before is null || now == before) return null;
        var up = now > before;
        return Of(key, targets) switch
        {
            Better.Higher => up ? "better" : "worse",
            Better.Lower => up ? "worse" : "better",
            _ => up ? "up" : "down",
        };
    }
}
