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
        var received = concerns.Where(c => period.InR12(c.ReceivedOn)).ToList();
        var decided = concerns.Where(c => period.InR12(c.DecidedOn)).ToList();
        var index = CareActIndexes.ConcernsOf(concerns);
        // A repeat: the same person had a concern in the twelve months before this one's day (the same day is not before it).
        bool IsRepeat(SafeguardingConcern c) => index.HadConcernBetween(c.PersonId, c.ReceivedOn.AddMonths(-12), c.ReceivedOn);
        return new SafeguardingMetrics(
            received.Count,
            population > 0 ? received.Count * 100000.0 / population : null,
            Ratio.Percent(decided, c => c.Decision == ConcernDecision.S42Enquiry),
            Statistics.Median(decided.Select(c => CareActDays.Between(c.ReceivedOn, c.DecidedOn!.Value))),
            concerns.Count(c => c.ReceivedOn <= e && !(c.DecidedOn <= e)),
            Ratio.Percent(received, IsRepeat),
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
        var s42Concerns = CareActIndexes.ConcernsOf(concerns).S42Concerns;
        var s42 = enquiries.Where(x => s42Concerns.Contains(x.ConcernId)).ToList();
        var concluded = s42.Where(x => period.InR12(x.ConcludedOn)).ToList();
        var open = s42.Where(x => x.StartedOn <= e && !(x.ConcludedOn <= e)).ToList();
        return new EnquiryMetrics(
            s42.Count(x => period.InR12(x.StartedOn)),
            concluded.Count,
            Statistics.Median(concluded.Select(x => CareActDays.Between(x.StartedOn, x.ConcludedOn!.Value))),
            open.Count,
            open.Count(x => CareActDays.OverSixMonths(x.StartedOn, e)),
            // NOT_RECORDED stays in the denominator, so that poor recording shows.
            Ratio.Percent(concluded, x => x.OutcomesAsked is OutcomesAsked.AskedExpressed or OutcomesAsked.AskedNotExpressed),
            Ratio.Percent(concluded.Where(x => x.OutcomesAsked == OutcomesAsked.AskedExpressed),
                x => x.OutcomesAchieved is OutcomesAchieved.Fully or OutcomesAchieved.Partially),
            Ratio.Percent(concluded.Where(x => x.RiskOutcome is not null), x => x.RiskOutcome is RiskOutcome.Reduced or RiskOutcome.Removed));
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
