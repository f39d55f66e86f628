using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// <c>safeguarding.*</c>: concerns and how they were decided, and — when the enquiries file is there too — section 42
/// enquiries and Making Safeguarding Personal. Conversion is over concerns decided, not received. The rate per 100,000
/// is per adult when the dataset gives its adult population (<see cref="PerAdults"/>), per resident otherwise.
/// </summary>
public sealed record SafeguardingMetrics(
    int Concerns12m,
    double? ConcernsPer100k12m,
    Ratio Conversion12m,
    double? MedianDaysToDecision12m,
    int UndecidedAtEnd,
    Ratio RepeatConcerns12m,
    EnquiryMetrics? Enquiries,
    bool PerAdults = false)
{
    public static SafeguardingMetrics Compute(IReadOnlyList<SafeguardingConcern> concerns, IReadOnlyList<SafeguardingEnquiry>? enquiries,
        int population, ReportingPeriod period, bool perAdults = false)
    {
        var e = period.End;
        var index = CareActIndexes.ConcernsOf(concerns);
        int received = 0, repeats = 0, decidedS42 = 0, undecided = 0;
        var daysToDecision = new List<int>();
        var rows = EvidenceRows.Of(concerns);
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var c = ref rows[i];
            if (period.InR12(c.ReceivedOn))
            {
                received++;
                if (index.IsRepeat[i]) repeats++;
            }
            if (period.InR12(c.DecidedOn))
            {
                daysToDecision.Add(CareActDays.Between(c.ReceivedOn, c.DecidedOn!.Value));
                if (c.Decision == ConcernDecision.S42Enquiry) decidedS42++;
            }
            if (c.ReceivedOn <= e && !(c.DecidedOn <= e)) undecided++;
        }
        return new SafeguardingMetrics(
            received,
            population > 0 ? received * 100000.0 / population : null,
            Ratio.Percent(decidedS42, daysToDecision.Count),
            Statistics.Median(daysToDecision),
            undecided,
            Ratio.Percent(repeats, received),
            enquiries is null ? null : EnquiryMetrics.Compute(concerns, enquiries, period),
            perAdults);
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        yield return K("safeguarding.concerns_12m", N(Concerns12m));
        yield return K("safeguarding.concerns_per_100k_12m", new NumberValue(ConcernsPer100k12m));
        yield return K("safeguarding.conversion_pct_12m", Conversion12m);
        yield return K("safeguarding.median_days_to_decision_12m", new NumberValue(MedianDaysToDecision12m));
        yield return K("safeguarding.undecided_at_end", N(UndecidedAtEnd));
        if (Enquiries is { } s42)
            foreach (var key in s42.ByKey()) yield return key;
        yield return K("safeguarding.repeat_concern_pct_12m", RepeatConcerns12m);
    }
}

/// <summary>Section 42 enquiries (those whose concern was decided <c>S42_ENQUIRY</c>), as at the end of the period.</summary>
public sealed record EnquiryMetrics(
    int Started12m,
    int Concluded12m,
    double? MedianDaysToConclude12m,
    int OpenAtEnd,
    int OpenOverSixMonths,
    Ratio MspAsked12m,
    Ratio MspAchieved12m,
    Ratio RiskReducedOrRemoved12m)
{
    public static EnquiryMetrics Compute(IReadOnlyList<SafeguardingConcern> concerns, IReadOnlyList<SafeguardingEnquiry> enquiries, ReportingPeriod period)
    {
        var e = period.End;
        int started = 0, open = 0, openOverSixMonths = 0;
        int asked = 0, expressed = 0, achieved = 0, riskRecorded = 0, riskReduced = 0;
        var daysToConclude = new List<int>();
        foreach (ref readonly var x in EvidenceRows.Of(CareActIndexes.S42EnquiriesOf(concerns, enquiries)))
        {
            if (period.InR12(x.StartedOn)) started++;
            if (x.IsOpenAt(e))
            {
                open++;
                if (CareActDays.OverSixMonths(x.StartedOn, e)) openOverSixMonths++;
            }
            if (!period.InR12(x.ConcludedOn)) continue;
            daysToConclude.Add(CareActDays.Between(x.StartedOn, x.ConcludedOn!.Value));
            if (x.OutcomesAsked is OutcomesAsked.AskedExpressed or OutcomesAsked.AskedNotExpressed) asked++;
            if (x.OutcomesAsked == OutcomesAsked.AskedExpressed)
            {
                expressed++;
                if (x.OutcomesAchieved is OutcomesAchieved.Fully or OutcomesAchieved.Partially) achieved++;
            }
            if (x.RiskOutcome is not null)
            {
                riskRecorded++;
                if (x.RiskOutcome is RiskOutcome.Reduced or RiskOutcome.Removed) riskReduced++;
            }
        }
        var concluded = daysToConclude.Count;
        return new EnquiryMetrics(
            started,
            concluded,
            Statistics.Median(daysToConclude),
            open,
            openOverSixMonths,
            // NOT_RECORDED stays in the denominator, so that poor recording shows.
            Ratio.Percent(asked, concluded),
            Ratio.Percent(achieved, expressed),
            Ratio.Percent(riskReduced, riskRecorded));
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        yield return K("safeguarding.s42_started_12m", N(Started12m));
        yield return K("safeguarding.s42_concluded_12m", N(Concluded12m));
        yield return K("safeguarding.median_days_to_conclude_12m", new NumberValue(MedianDaysToConclude12m));
        yield return K("safeguarding.s42_open_at_end", N(OpenAtEnd));
        yield return K("safeguarding.s42_open_over_6_months", N(OpenOverSixMonths));
        yield return K("safeguarding.msp_asked_pct_12m", MspAsked12m);
        yield return K("safeguarding.msp_achieved_pct_12m", MspAchieved12m);
        yield return K("safeguarding.risk_reduced_removed_pct_12m", RiskReducedOrRemoved12m);
    }
}
