using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// operations.md's <c>waits.*</c> figures, for each of the five kinds of wait. The clock starts at first receipt and
/// stops when the assessment starts; people who died, moved or withdrew while waiting are closed unstarted, not dropped.
/// </summary>
public sealed record WaitMetrics(IReadOnlyList<WaitsOfKind> Kinds)
{
    public static WaitMetrics Compute(IReadOnlyList<Wait> waits, ReportingPeriod period)
    {
        var e = period.End;
        var byKind = waits.ToLookup(w => w.Kind);
        return new WaitMetrics(Enum.GetValues<WaitKind>().Select(kind =>
        {
            var rows = byKind[kind];
            var waitingRows = rows.Where(w => w.IsWaitingAt(e)).ToList();
            var waiting = waitingRows.Select(w => CareActDays.Between(w.RequestedOn, e)).ToList();
            var closedUnstarted = rows.Where(w => w.StartedOn is null && period.InR12(w.ClosedOn)).ToList();
            return new WaitsOfKind(
                kind,
                waiting.Count,
                Statistics.Median(waiting),
                waiting.Count == 0 ? null : waiting.Max(),
                waitingRows.Count(w => CareActDays.OverSixMonths(w.RequestedOn, e)),
                Statistics.Median(rows.Where(w => period.InR12(w.StartedOn)).Select(w => CareActDays.Between(w.RequestedOn, w.StartedOn!.Value))),
                closedUnstarted.Count,
                closedUnstarted.Count(w => w.CloseReason == WaitCloseReason.Died));
        }).ToList());
    }

    public WaitsOfKind Of(WaitKind kind) => Kinds.First(k => k.Kind == kind);

    /// <summary>The <c>waits.*</c> keys, each for the five kinds in operations.md's order.</summary>
    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        foreach (var k in Kinds) yield return K($"waits.waiting.{CodeNames.ToCode(k.Kind)}", N(k.Waiting));
        foreach (var k in Kinds) yield return K($"waits.median_days_waiting.{CodeNames.ToCode(k.Kind)}", new NumberValue(k.MedianDaysWaiting));
        foreach (var k in Kinds) yield return K($"waits.longest_days_waiting.{CodeNames.ToCode(k.Kind)}", new NumberValue(k.LongestDaysWaiting));
        foreach (var k in Kinds) yield return K($"waits.over_6_months.{CodeNames.ToCode(k.Kind)}", N(k.OverSixMonths));
        foreach (var k in Kinds) yield return K($"waits.median_days_to_start_12m.{CodeNames.ToCode(k.Kind)}", new NumberValue(k.MedianDaysToStart12m));
        foreach (var k in Kinds) yield return K($"waits.closed_unstarted_12m.{CodeNames.ToCode(k.Kind)}", N(k.ClosedUnstarted12m));
        foreach (var k in Kinds) yield return K($"waits.died_unstarted_12m.{CodeNames.ToCode(k.Kind)}", N(k.DiedUnstarted12m));
    }

    /// <summary>The key families, one per figure; each is followed by a kind's code.</summary>
    public static readonly string[] Families =
    [
        "waits.waiting.", "waits.median_days_waiting.", "waits.longest_days_waiting.", "waits.over_6_months.",
        "waits.median_days_to_start_12m.", "waits.closed_unstarted_12m.", "waits.died_unstarted_12m.",
    ];
}

/// <summary>One kind of wait at the end of the period.</summary>
public sealed record WaitsOfKind(
    WaitKind Kind,
    int Waiting,
    double? MedianDaysWaiting,
    int? LongestDaysWaiting,
    int OverSixMonths,
    double? MedianDaysToStart12m,
    int ClosedUnstarted12m,
    int DiedUnstarted12m);
