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
        var received = applications.Where(a => period.InR12(a.ReceivedOn)).ToList();
        var waiting = applications.Where(a => a.ReceivedOn <= e && !(a.SignedOffOn <= e)).Select(a => CareActDays.Between(a.ReceivedOn, e)).ToList();
        var signedOff = applications.Where(a => period.InR12(a.SignedOffOn)).ToList();
        var decided = signedOff.Where(a => a.Outcome is DolsOutcome.Granted or DolsOutcome.NotGranted).ToList();
        int DaysToDecide(DolsApplication a) => CareActDays.Between(a.ReceivedOn, a.SignedOffOn!.Value);
        return new DolsMetrics(
            received.Count,
            received.Count(a => a.Urgent),
            waiting.Count,
            waiting.Count == 0 ? null : waiting.Max(),
            decided.Count,
            signedOff.Count - decided.Count,
            Statistics.Median(decided.Select(DaysToDecide)),
            Ratio.Percent(decided.Where(a => !a.Urgent), a => DaysToDecide(a) <= StatutoryDays));
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
