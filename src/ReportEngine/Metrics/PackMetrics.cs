using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>Every figure of metrics.md for one authority and period. Pure: the same evidence and period give the same figures.</summary>
public sealed record PackMetrics(
    string AuthorityCode,
    ReportingPeriod Period,
    ComplaintMetrics Complaints,
    OmbudsmanMetrics Ombudsman,
    TrainingMetrics Training,
    WorkforceMetrics Workforce,
    ActionMetrics Actions,
    ReadinessMetrics Readiness,
    CareActMetrics CareAct) : IReportFigures
{
    public const int ContractVersion = 1;

    public static PackMetrics Compute(EvidenceSet evidence, ReportingPeriod period)
    {
        // Each area's figures are its own; on a large dataset training and supervision are most of a month's work, and they
        // are computed side by side with the rest.
        ComplaintMetrics complaints = null!;
        OmbudsmanMetrics ombudsman = null!;
        TrainingMetrics training = null!;
        WorkforceMetrics workforce = null!;
        ActionMetrics actions = null!;
        ReadinessMetrics readiness = null!;
        CareActMetrics careAct = null!;
        Parallel.Invoke(
            () => training = TrainingMetrics.Compute(evidence, period),
            () => workforce = WorkforceMetrics.Compute(evidence, period),
            () => complaints = ComplaintMetrics.Compute(evidence, period),
            () => careAct = CareActMetrics.Compute(evidence, period),
            () => ombudsman = OmbudsmanMetrics.Compute(evidence, period),
            () => actions = ActionMetrics.Compute(evidence, period),
            () => readiness = ReadinessMetrics.Compute(evidence, period));
        return new(evidence.Authority.Code, period, complaints, ombudsman, training, workforce, actions, readiness, careAct);
    }

    /// <summary>The figures under their metrics.md keys, in the order metrics.md lists them.</summary>
    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        foreach (var key in Complaints.ByKey()) yield return key;
        foreach (var key in Ombudsman.ByKey()) yield return key;

        foreach (var key in TrainingKeys(Training)) yield return key;
        foreach (var key in WorkforceKeys(Workforce)) yield return key;
        foreach (var key in ActionKeys(Actions)) yield return key;

        var r = Readiness;
        yield return K("readiness.self_pct", r.Self.Percent);
        yield return K("readiness.self_band", new TextValue(r.Self.Band));
        yield return K("readiness.cqc_pct", r.Cqc.Percent);
        yield return K("readiness.cqc_band", new TextValue(r.Cqc.Band));
        yield return K("readiness.evidence_coverage_pct", r.EvidenceCoverage);
        yield return K("readiness.evidence_freshness_pct", r.EvidenceFreshness);

        foreach (var key in CareAct.ByKey()) yield return key;
    }

    // An area's keys, as the pack's figures list them and as a trend month's figures are taken (TrendFigures).

    internal static IEnumerable<KeyValuePair<string, MetricValue>> TrainingKeys(TrainingMetrics t12)
    {
        yield return K("training.compliance_pct", t12.Compliance);
        foreach (var b in t12.ComplianceByCategory) yield return K($"training.compliance_pct.{CodeNames.ToCode(b.Key)}", b.Ratio);
        foreach (var b in t12.ComplianceByTeam) yield return K($"training.compliance_pct.team.{b.Key}", b.Ratio);
        yield return K("training.overdue", N(t12.Overdue));
        yield return K("training.specialist_completions_month", N(t12.SpecialistCompletionsMonth));
        yield return K("training.specialist_completions_12m", N(t12.SpecialistCompletions12m));
        yield return K("training.hours_per_fte_12m", t12.HoursPerFte12m);
    }

    internal static IEnumerable<KeyValuePair<string, MetricValue>> WorkforceKeys(WorkforceMetrics w)
    {
        yield return K("supervision.compliance_pct", w.SupervisionCompliance);
        yield return K("supervision.standard_pct", w.SupervisionStandard);
        yield return K("supervision.reflective_pct", w.ReflectiveSupervision);
        yield return K("supervision.cancellation_rate_pct", w.SupervisionCancellationRate);
        yield return K("workforce.turnover_pct_12m", w.Turnover12m);
        yield return K("workforce.agency_fte_share_pct", w.AgencyFteShare);
        yield return K("workforce.agency_fte_share_sw_pct", w.AgencyFteShareSocialWorkers);
    }

    internal static IEnumerable<KeyValuePair<string, MetricValue>> ActionKeys(ActionMetrics a)
    {
        yield return K("actions.open", N(a.Open));
        yield return K("actions.overdue", N(a.Overdue));
        yield return K("actions.open_rag.RED", N(a.OpenRed));
        yield return K("actions.open_rag.AMBER", N(a.OpenAmber));
        yield return K("actions.open_rag.GREEN", N(a.OpenGreen));
        yield return K("actions.completed_on_time_pct_12m", a.CompletedOnTime12m);
    }
}
