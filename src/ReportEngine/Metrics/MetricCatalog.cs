namespace ReportEngine.Metrics;

/// <summary>
/// Which keys of metrics.md a council may set a target for (targets.csv): those whose value is a number — a count, a
/// ratio or a median — and not a band or a derived key. A key with a variable part (a theme, a team, a category, a year)
/// is accepted by its fixed part, so that a row can be checked without a period.
/// </summary>
public static class MetricCatalog
{
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "complaints.received_month", "complaints.received_12m", "complaints.received_prev_12m", "complaints.ack_on_time_pct",
        "complaints.response_on_time_pct", "complaints.median_response_wd", "complaints.uphold_rate_pct", "complaints.uphold_rate_prev_pct",
        "complaints.qa_reviewed_pct", "complaints.open_at_end", "complaints.overdue_open",
        "training.compliance_pct", "training.overdue", "training.specialist_completions_month", "training.specialist_completions_12m",
        "training.hours_per_fte_12m",
        "supervision.compliance_pct", "supervision.standard_pct", "supervision.reflective_pct", "supervision.cancellation_rate_pct",
        "workforce.turnover_pct_12m", "workforce.agency_fte_share_pct", "workforce.agency_fte_share_sw_pct",
        "actions.open", "actions.overdue", "actions.completed_on_time_pct_12m",
        "readiness.self_pct", "readiness.cqc_pct", "readiness.evidence_coverage_pct", "readiness.evidence_freshness_pct",
        // operations.md
        "reviews.reviewed_12m_pct", "reviews.overdue",
        "safeguarding.concerns_12m", "safeguarding.concerns_per_100k_12m", "safeguarding.conversion_pct_12m",
        "safeguarding.median_days_to_decision_12m", "safeguarding.undecided_at_end", "safeguarding.s42_started_12m",
        "safeguarding.s42_concluded_12m", "safeguarding.median_days_to_conclude_12m", "safeguarding.s42_open_at_end",
        "safeguarding.s42_open_over_6_months", "safeguarding.msp_asked_pct_12m", "safeguarding.msp_achieved_pct_12m",
        "safeguarding.risk_reduced_removed_pct_12m", "safeguarding.repeat_concern_pct_12m",
        "dols.received_12m", "dols.urgent_received_12m", "dols.not_completed_at_end", "dols.longest_wait_days", "dols.decided_12m",
        "dols.closed_without_decision_12m", "dols.median_days_to_decide_12m", "dols.within_21d_pct_12m",
    };

    /// <summary>Keys with a variable last part: the fixed part, a dot, then a month, a year, a code or a team.</summary>
    private static readonly string[] Families =
    [
        "complaints.received_by_month.", "complaints.theme.", "training.compliance_pct.", "actions.open_rag.",
        "lgsco.detailed_investigations.", "lgsco.enquiry_on_time_pct.", "lgsco.satisfactory_remedy_pct.", "lgsco.upheld_per_100k.",
        "lgsco.uphold_rate_pct.", "lgsco.similar_avg.UPHOLD_RATE_PCT.", "lgsco.similar_avg.UPHELD_PER_100K.",
        .. WaitMetrics.Families,
    ];

    /// <returns>Null when <paramref name="key"/> may have a target; otherwise why not, in one line.</returns>
    public static string? WhyNotATargetKey(string key)
    {
        if (Numeric.Contains(key) || Families.Any(f => key.Length > f.Length && key.StartsWith(f, StringComparison.Ordinal))) return null;
        if (key.EndsWith("_band", StringComparison.Ordinal)) return $"'{key}' is a band, not a number";
        foreach (var derived in new[] { "status.", "trend.", "attention." })
            if (key.StartsWith(derived, StringComparison.Ordinal)) return $"'{key}' is derived from other figures and cannot have a target";
        return $"'{key}' is not a figure of metrics.md whose value is a number";
    }
}
