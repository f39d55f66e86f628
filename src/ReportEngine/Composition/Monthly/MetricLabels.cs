using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>What people call the figures a council sets targets for, and how each is written.</summary>
public static class MetricLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["complaints.ack_on_time_pct"] = "Complaints acknowledged on time",
        ["complaints.response_on_time_pct"] = "Complaints answered by the agreed date",
        ["complaints.uphold_rate_pct"] = "Complaints upheld or partly upheld",
        ["complaints.overdue_open"] = "Open complaints past their agreed date",
        ["complaints.open_at_end"] = "Complaints open",
        ["complaints.received_12m"] = "Complaints received in 12 months",
        ["complaints.median_response_wd"] = "Median working days to answer a complaint",
        ["complaints.qa_reviewed_pct"] = "Answered complaints reviewed for learning",
        ["training.compliance_pct"] = "Training requirements met",
        ["training.overdue"] = "Training requirements overdue",
        ["supervision.compliance_pct"] = "Social workers supervised in the last 30 days",
        ["supervision.standard_pct"] = "Social workers given the 1.5-hour supervision standard",
        ["supervision.reflective_pct"] = "Reflective supervision in the last 91 days",
        ["supervision.cancellation_rate_pct"] = "Supervision sessions cancelled",
        ["workforce.turnover_pct_12m"] = "Staff turnover",
        ["workforce.agency_fte_share_pct"] = "Agency share of the workforce",
        ["workforce.agency_fte_share_sw_pct"] = "Agency share of social workers",
        ["actions.open"] = "Open improvement actions",
        ["actions.overdue"] = "Overdue improvement actions",
        ["actions.completed_on_time_pct_12m"] = "Improvement actions completed on time",
        ["readiness.self_pct"] = "Self-assessed readiness",
        ["readiness.cqc_pct"] = "Readiness on CQC's scores",
        ["readiness.evidence_coverage_pct"] = "Evidence coverage",
        ["readiness.evidence_freshness_pct"] = "Evidence gathered in the last 12 months",
        ["waits.waiting.CARE_ACT_ASSESSMENT"] = "People waiting for a Care Act assessment",
        ["waits.over_6_months.CARE_ACT_ASSESSMENT"] = "People waiting over six months for a Care Act assessment",
        ["waits.median_days_waiting.CARE_ACT_ASSESSMENT"] = "Median days waited for a Care Act assessment",
        ["reviews.reviewed_12m_pct"] = "People in long-term support reviewed in 12 months",
        ["reviews.overdue"] = "People in long-term support not reviewed in 12 months",
        ["safeguarding.s42_open_at_end"] = "Section 42 enquiries open",
        ["dols.median_days_to_decide_12m"] = "Median days to decide a DoLS application",
        ["safeguarding.msp_achieved_pct_12m"] = "Outcomes people wanted fully or partly achieved",
        ["safeguarding.msp_asked_pct_12m"] = "People asked what outcomes they wanted",
        ["dols.not_completed_at_end"] = "DoLS applications not completed",
        ["dols.within_21d_pct_12m"] = "Standard DoLS applications decided within 21 days",
    };

    public static string Of(string key) => Labels.TryGetValue(key, out var label) ? label : key;

    /// <summary>A percentage to one decimal place with its sign; a count or other number as a number.</summary>
    public static string Format(string key, double? value) =>
        key.Contains("_pct", StringComparison.Ordinal) ? ReportFormat.Pct(value) : ReportFormat.Number(value, value % 1 == 0 ? 0 : 1);
}
