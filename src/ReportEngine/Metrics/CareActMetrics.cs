using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// operations.md's figures, each group present only when every file it uses is: waits (waits.csv), reviews
/// (long_term_support.csv and reviews.csv), safeguarding (the concerns file; enquiries with both), DoLS.
/// </summary>
public sealed record CareActMetrics(WaitMetrics? Waits, ReviewMetrics? Reviews, SafeguardingMetrics? Safeguarding, DolsMetrics? Dols)
{
    public static CareActMetrics Compute(EvidenceSet evidence, ReportingPeriod period)
    {
        var files = evidence.Operations;
        // Each file's figures are their own, computed side by side: the first month of a dataset builds each file's
        // look-ups too (CareActIndexes), which one after another were most of a monthly pack's compute stage (issue 26).
        WaitMetrics? waitFigures = null;
        ReviewMetrics? reviewFigures = null;
        SafeguardingMetrics? safeguarding = null;
        DolsMetrics? dolsFigures = null;
        Parallel.Invoke(
            () => waitFigures = files.Waits is { } waits ? WaitMetrics.Compute(waits, period) : null,
            () => reviewFigures = files is { LongTermSupport: { } episodes, Reviews: { } reviews } ? ReviewMetrics.Compute(episodes, reviews, period) : null,
            () => safeguarding = files.Concerns is { } concerns ? SafeguardingMetrics.Compute(concerns, files.Enquiries,
                evidence.Authority.AdultPopulation ?? evidence.Authority.Population, period, perAdults: evidence.Authority.AdultPopulation is not null) : null,
            () => dolsFigures = files.Dols is { } dols ? DolsMetrics.Compute(dols, period) : null);
        return new CareActMetrics(waitFigures, reviewFigures, safeguarding, dolsFigures);
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey() =>
        (Waits?.ByKey() ?? []).Concat(Reviews?.ByKey() ?? []).Concat(Safeguarding?.ByKey() ?? []).Concat(Dols?.ByKey() ?? []);
}
