using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// One month's figures that the trends follow (<see cref="PackOutlook.TrendKeys"/>), as numbers; a key the month's
/// figures do not give (its file is absent) is left out. The pack's month and the month a year earlier take them from
/// their figures computed whole; the trend's 22 other months compute only these (issue 26: computing every figure of
/// each took most of a pack's compute stage, the Care Act waits' medians and the concerns above all).
/// </summary>
internal static class TrendFigures
{
    private static readonly HashSet<string> Keys = new(PackOutlook.TrendKeys, StringComparer.Ordinal);

    /// <summary>From a month's figures computed whole.</summary>
    public static IReadOnlyDictionary<string, double?> Of(PackMetrics month) => Numbers(month.ByKey());

    /// <summary>Computed alone: the same numbers as <see cref="Of(PackMetrics)"/> gives for that month's figures.</summary>
    public static IReadOnlyDictionary<string, double?> Of(EvidenceSet evidence, ReportingPeriod period)
    {
        var e = period.End;
        var files = evidence.Operations;
        var careAct = new List<KeyValuePair<string, MetricValue>>();
        // The Care Act keys' groups are present when their files are, as CareActMetrics has them.
        if (files.Waits is { } waits)
            careAct.Add(K("waits.waiting.CARE_ACT_ASSESSMENT", N(EvidenceRows.Count(CareActIndexes.WaitsOf(waits).Of(WaitKind.CareActAssessment), w => w.IsWaitingAt(e)))));
        if (files is { LongTermSupport: { } episodes, Reviews: { } reviews })
            careAct.AddRange(ReviewMetrics.Compute(episodes, reviews, period).ByKey());
        if (files is { Concerns: { } concerns, Enquiries: { } enquiries })
            careAct.Add(K("safeguarding.s42_open_at_end", N(EvidenceRows.Count(CareActIndexes.S42EnquiriesOf(concerns, enquiries), x => x.IsOpenAt(e)))));
        if (files.Dols is { } dols)
            careAct.Add(K("dols.not_completed_at_end", N(EvidenceRows.Count(dols, a => a.IsNotCompletedAt(e)))));
        return Numbers(ComplaintMetrics.Compute(evidence, period).ByKey()
            .Concat(PackMetrics.TrainingKeys(TrainingMetrics.Compute(evidence, period)))
            .Concat(PackMetrics.WorkforceKeys(WorkforceMetrics.Compute(evidence, period)))
            .Concat(PackMetrics.ActionKeys(ActionMetrics.Compute(evidence, period)))
            .Concat(careAct));
    }

    private static Dictionary<string, double?> Numbers(IEnumerable<KeyValuePair<string, MetricValue>> figures) =>
        figures.Where(k => Keys.Contains(k.Key)).ToDictionary(k => k.Key, k => TargetStatus.NumberOf(k.Value), StringComparer.Ordinal);
}
