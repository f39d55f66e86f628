using static ReportEngine.Metrics.FigureWindow;

namespace ReportEngine.Metrics;

/// <summary>One event file a figure's definition reads, and over which days.</summary>
public readonly record struct FileRead(string File, FigureWindow Window);

/// <summary>
/// Which event files each figure of metrics.md and operations.md reads, and over which window (coverage.md): one
/// declaration a figure, beside its definition's words. A key with a variable last part (a theme, a team, a kind, a
/// month) is declared by its fixed part and a dot. The Ombudsman's yearly figures read no file of the council's own
/// records and are always covered. <c>status.KEY</c> and <c>trend.KEY.YYYY-MM</c> read what KEY reads.
/// </summary>
public static class FigureReads
{
    private const string Complaints = "complaints.csv", Staff = "staff.csv", Training = "training.csv", Supervision = "supervision.csv",
        Actions = "actions.csv", Findings = "findings.csv", Scores = "qs_scores.csv", Learning = "complaint_learning.csv",
        Waits = "waits.csv", Support = "long_term_support.csv", Reviews = "reviews.csv", Concerns = "safeguarding_concerns.csv",
        Enquiries = "safeguarding_enquiries.csv", Dols = "dols_applications.csv";

    private static readonly Dictionary<string, FileRead[]> Declared = new(StringComparer.Ordinal)
    {
        // metrics.md: complaints
        ["complaints.received_month"] = [new(Complaints, Month)],
        ["complaints.received_12m"] = [new(Complaints, R12)],
        ["complaints.received_prev_12m"] = [new(Complaints, P12)],
        ["complaints.received_by_month."] = [new(Complaints, Month)], // the month the key names
        ["complaints.ack_on_time_pct"] = [new(Complaints, R12)],
        ["complaints.response_on_time_pct"] = [new(Complaints, R12)],
        ["complaints.median_response_wd"] = [new(Complaints, R12)],
        ["complaints.uphold_rate_pct"] = [new(Complaints, R12)],
        ["complaints.uphold_rate_prev_pct"] = [new(Complaints, P12)],
        ["complaints.qa_reviewed_pct"] = [new(Complaints, R12)],
        ["complaints.open_at_end"] = [new(Complaints, AtEnd)],
        ["complaints.overdue_open"] = [new(Complaints, AtEnd)],
        ["complaints.theme."] = [new(Complaints, R12)],
        // reports.md: the annual complaints report (M is March, so R12 is the business year)
        ["complaints.withdrawn_12m"] = [new(Complaints, R12)],
        ["complaints.over_6_months"] = [new(Complaints, AtEnd)],
        ["complaints.service_area."] = [new(Complaints, R12)],
        ["complaints.learning_recorded_12m"] = [new(Learning, R12)],
        // the Ombudsman's own yearly figures
        ["lgsco."] = [],
        // training, supervision and workforce: who was active at E comes from staff.csv
        ["training.compliance_pct"] = [new(Training, AtEnd), new(Staff, AtEnd)],
        ["training.compliance_pct."] = [new(Training, AtEnd), new(Staff, AtEnd)],
        ["training.overdue"] = [new(Training, AtEnd), new(Staff, AtEnd)],
        ["training.specialist_completions_month"] = [new(Training, Month)],
        ["training.specialist_completions_12m"] = [new(Training, R12)],
        ["training.hours_per_fte_12m"] = [new(Training, R12), new(Staff, AtEnd)],
        ["supervision.compliance_pct"] = [new(Supervision, Last30Days), new(Staff, AtEnd)],
        ["supervision.standard_pct"] = [new(Supervision, Last30Days), new(Staff, AtEnd)],
        ["supervision.reflective_pct"] = [new(Supervision, Last91Days), new(Staff, AtEnd)],
        ["supervision.cancellation_rate_pct"] = [new(Supervision, R12)],
        ["workforce.turnover_pct_12m"] = [new(Staff, R12)],
        ["workforce.agency_fte_share_pct"] = [new(Staff, AtEnd)],
        ["workforce.agency_fte_share_sw_pct"] = [new(Staff, AtEnd)],
        // actions
        ["actions.open"] = [new(Actions, AtEnd)],
        ["actions.overdue"] = [new(Actions, AtEnd)],
        ["actions.open_rag."] = [new(Actions, AtEnd)],
        ["actions.completed_on_time_pct_12m"] = [new(Actions, R12)],
        // readiness: the latest scores at E, findings of R12
        ["readiness.self_pct"] = [new(Scores, AtEnd)],
        ["readiness.self_band"] = [new(Scores, AtEnd)],
        ["readiness.cqc_pct"] = [new(Scores, AtEnd)],
        ["readiness.cqc_band"] = [new(Scores, AtEnd)],
        ["readiness.evidence_coverage_pct"] = [new(Findings, R12)],
        ["readiness.evidence_freshness_pct"] = [new(Findings, R12)],
        ["attention.self_above_cqc"] = [new(Scores, AtEnd)],
        ["attention.green_but_overdue"] = [new(Actions, AtEnd)],
        // reports.md: the quality statement report
        ["qs.score."] = [new(Scores, AtEnd)],
        ["qs.findings_12m."] = [new(Findings, R12)],
        ["qs.findings_kind_12m."] = [new(Findings, R12)],
        ["qs.evidence_coverage_pct"] = [new(Findings, R12)],
        ["qs.evidence_freshness_pct"] = [new(Findings, R12)],
        ["qs.actions_open"] = [new(Actions, AtEnd)],
        ["qs.actions_overdue"] = [new(Actions, AtEnd)],
        ["qs.actions_completed_on_time_pct_12m"] = [new(Actions, R12)],
        // operations.md: waits and reviews ("in support for a year at E" with a review after E − 12 months is R12's days)
        ["waits.waiting."] = [new(Waits, AtEnd)],
        ["waits.median_days_waiting."] = [new(Waits, AtEnd)],
        ["waits.longest_days_waiting."] = [new(Waits, AtEnd)],
        ["waits.over_6_months."] = [new(Waits, AtEnd)],
        ["waits.median_days_to_start_12m."] = [new(Waits, R12)],
        ["waits.closed_unstarted_12m."] = [new(Waits, R12)],
        ["waits.died_unstarted_12m."] = [new(Waits, R12)],
        ["reviews.reviewed_12m_pct"] = [new(Support, R12), new(Reviews, R12)],
        ["reviews.overdue"] = [new(Support, R12), new(Reviews, R12)],
        // operations.md: safeguarding (a concern in R12 is a repeat by the twelve months before it) and DoLS
        ["safeguarding.concerns_12m"] = [new(Concerns, R12)],
        ["safeguarding.concerns_per_100k_12m"] = [new(Concerns, R12)],
        ["safeguarding.conversion_pct_12m"] = [new(Concerns, R12)],
        ["safeguarding.median_days_to_decision_12m"] = [new(Concerns, R12)],
        ["safeguarding.undecided_at_end"] = [new(Concerns, AtEnd)],
        ["safeguarding.repeat_concern_pct_12m"] = [new(Concerns, R24)],
        ["safeguarding.s42_started_12m"] = [new(Enquiries, R12)],
        ["safeguarding.s42_concluded_12m"] = [new(Enquiries, R12)],
        ["safeguarding.median_days_to_conclude_12m"] = [new(Enquiries, R12)],
        ["safeguarding.s42_open_at_end"] = [new(Enquiries, AtEnd)],
        ["safeguarding.s42_open_over_6_months"] = [new(Enquiries, AtEnd)],
        ["safeguarding.msp_asked_pct_12m"] = [new(Enquiries, R12)],
        ["safeguarding.msp_achieved_pct_12m"] = [new(Enquiries, R12)],
        ["safeguarding.risk_reduced_removed_pct_12m"] = [new(Enquiries, R12)],
        ["dols.received_12m"] = [new(Dols, R12)],
        ["dols.urgent_received_12m"] = [new(Dols, R12)],
        ["dols.not_completed_at_end"] = [new(Dols, AtEnd)],
        ["dols.longest_wait_days"] = [new(Dols, AtEnd)],
        ["dols.decided_12m"] = [new(Dols, R12)],
        ["dols.closed_without_decision_12m"] = [new(Dols, R12)],
        ["dols.median_days_to_decide_12m"] = [new(Dols, R12)],
        ["dols.within_21d_pct_12m"] = [new(Dols, R12)],
    };

    /// <summary>What <paramref name="key"/> (a figure's own key, not status. or trend.) reads; null when it is not declared.</summary>
    public static IReadOnlyList<FileRead>? Of(string key)
    {
        if (Declared.TryGetValue(key, out var reads)) return reads;
        // The longest declared family the key belongs to: "training.compliance_pct.team.X" is "training.compliance_pct.".
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
            if (Declared.TryGetValue(key[..(dot + 1)], out reads)) return reads;
        return null;
    }
}
