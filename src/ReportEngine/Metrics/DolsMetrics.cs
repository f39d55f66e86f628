using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// <c>dols.*</c>: the Deprivation of Liberty Safeguards backlog and timeliness. Closures (withdrawn, died, discharged)
/// are not decisions: they are counted apart and kept out of the timeliness figures; urgent applications are outside
/// the 21-day measure.
/// </summary>
public sealed record DolsMetrics(
    int Received12m,
    int UrgentReceived12m,
    int NotCompletedAtEnd,
    int? LongestWaitDays,
    int Decided12m,
    int ClosedWithoutDecision12m,
    double? MedianDaysToDecide12m,
    Ratio Within21Days12m)
{
    public const int StatutoryDays = 21;

    public static DolsMetrics Compute(IReadOnlyList<DolsApplication> applications, ReportingPeriod period)
    {
        var e = period.End;
        int received = 0, urgent = 0, waiting = 0, signedOff = 0, standard = 0, standardInTime = 0;
        int? longestWait = null;
        var daysToDecide = new List<int>();
        foreach (ref readonly var a in EvidenceRows.Of(applications))
        {
            if (period.InR12(a.ReceivedOn))
            {
                received++;
                if (a.Urgent) urgent++;
            }
            if (a.IsNotCompletedAt(e))
            {
                waiting++;
                longestWait = Math.Max(longestWait ?? 0, CareActDays.Between(a.ReceivedOn, e));
            }
            if (!period.InR12(a.SignedOffOn)) continue;
            signedOff++;
            if (a.Outcome is not (DolsOutcome.Granted or DolsOutcome.NotGranted)) continue;
            var days = CareActDays.Between(a.ReceivedOn, a.SignedOffOn!.Value);
            daysToDecide.Add(days);
            if (a.Urgent) continue;
            standard++;
            if (days <= StatutoryDays) standardInTime++;
        }
        var decided = daysToDecide.Count;
        return new DolsMetrics(
            received,
            urgent,
            waiting,
            longestWait,
            decided,
            signedOff - decided,
            Statistics.Median(daysToDecide),
            Ratio.Percent(standardInTime, standard));
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        yield return K("dols.received_12m", N(Received12m));
        yield return K("dols.urgent_received_12m", N(UrgentReceived12m));
        yield return K("dols.not_completed_at_end", N(NotCompletedAtEnd));
        yield return K("dols.longest_wait_days", new NumberValue(LongestWaitDays));
        yield return K("dols.decided_12m", N(Decided12m));
        yield return K("dols.closed_without_decision_12m", N(ClosedWithoutDecision12m));
        yield return K("dols.median_days_to_decide_12m", new NumberValue(MedianDaysToDecide12m));
        yield return K("dols.within_21d_pct_12m", Within21Days12m);
    }
}
