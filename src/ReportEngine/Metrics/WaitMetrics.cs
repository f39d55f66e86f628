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
        var byKind = CareActIndexes.WaitsOf(waits);
        var kinds = new List<WaitsOfKind>();
        var (waiting, toStart) = (new List<int>(), new List<int>());
        // One pass over each kind's rows a month, every figure of the kind counted in it.
        foreach (var kind in Enum.GetValues<WaitKind>())
        {
            waiting.Clear();
            toStart.Clear();
            int overSixMonths = 0, closedUnstarted = 0, diedUnstarted = 0;
            foreach (ref readonly var w in byKind.Of(kind).AsSpan())
            {
                if (w.IsWaitingAt(e))
                {
                    waiting.Add(CareActDays.Between(w.RequestedOn, e));
                    if (CareActDays.OverSixMonths(w.RequestedOn, e)) overSixMonths++;
                }
                if (period.InR12(w.StartedOn)) toStart.Add(CareActDays.Between(w.RequestedOn, w.StartedOn!.Value));
                if (w.StartedOn is null && period.InR12(w.ClosedOn))
                {
                    closedUnstarted++;
                    if (w.CloseReason == WaitCloseReason.Died) diedUnstarted++;
                }
            }
            var longest = waiting.Count == 0 ? (int?)null : waiting.Max();
            kinds.Add(new WaitsOfKind(kind, waiting.Count, Statistics.Median(waiting), longest, overSixMonths, Statistics.Median(toStart),
                closedUnstarted, diedUnstarted));
        }
        return new WaitMetrics(kinds);
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
