using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>Ombudsman (LGSCO) figures for the two most recent business years with a decision by E, newest first.</summary>
public sealed record OmbudsmanMetrics(IReadOnlyList<OmbudsmanYear> Years)
{
    public static OmbudsmanMetrics Compute(EvidenceSet evidence, ReportingPeriod period)
    {
        var e = period.End;
        var decided = evidence.OmbudsmanCases.Where(c => c.DecisionDate <= e).ToList();
        var years = decided.Select(c => c.BusinessYear).Distinct().Order(StringComparer.Ordinal).Reverse().Take(2);
        return new OmbudsmanMetrics(years.Select(y => Year(y, decided.Where(c => c.BusinessYear == y).ToList(), evidence, e)).ToList());
    }

    /// <summary>The <c>lgsco.*</c> keys of metrics.md, newest year first.</summary>
    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        foreach (var y in Years)
        {
            var year = y.BusinessYear;
            yield return K($"lgsco.detailed_investigations.{year}", N(y.DetailedInvestigations));
            yield return K($"lgsco.uphold_rate_pct.{year}", y.UpholdRate);
            yield return K($"lgsco.upheld_per_100k.{year}", new NumberValue(y.UpheldPer100k));
            yield return K($"lgsco.satisfactory_remedy_pct.{year}", y.SatisfactoryRemedy);
            yield return K($"lgsco.enquiry_on_time_pct.{year}", y.EnquiryOnTime);
            if (y.SimilarUpholdRatePct is { } rate)
                yield return K($"lgsco.similar_avg.{CodeNames.ToCode(OmbudsmanMeasure.UpholdRatePct)}.{year}", new NumberValue((double)rate));
            if (y.SimilarUpheldPer100k is { } per100k)
                yield return K($"lgsco.similar_avg.{CodeNames.ToCode(OmbudsmanMeasure.UpheldPer100k)}.{year}", new NumberValue((double)per100k));
        }
    }

    private static OmbudsmanYear Year(string year, List<OmbudsmanCase> cases, EvidenceSet evidence, DateOnly e)
    {
        var upheld = cases.Where(c => c.Decision == OmbudsmanDecision.Upheld).ToList();
        var investigated = cases.Count(c => c.Decision is OmbudsmanDecision.Upheld or OmbudsmanDecision.NotUpheld);
        decimal? Similar(OmbudsmanMeasure m) =>
            evidence.OmbudsmanBenchmarks.FirstOrDefault(b => b.BusinessYear == year && b.Measure == m)?.SimilarAverage;
        return new OmbudsmanYear(
            year,
            investigated,
            Ratio.Percent(upheld.Count, investigated),
            upheld.Count * 100000.0 / evidence.Authority.Population,
            Ratio.Percent(upheld, c => c.SatisfactoryCouncilRemedy),
            Ratio.Percent(cases.Where(c => c.EnquiryDue <= e), c => c.EnquirySent is { } sent && sent <= c.EnquiryDue),
            Similar(OmbudsmanMeasure.UpholdRatePct),
            Similar(OmbudsmanMeasure.UpheldPer100k));
    }
}

/// <param name="BusinessYear">April to March, written <c>2022-23</c>.</param>
public sealed record OmbudsmanYear(
    string BusinessYear,
    int DetailedInvestigations,
    Ratio UpholdRate,
    double UpheldPer100k,
    Ratio SatisfactoryRemedy,
    Ratio EnquiryOnTime,
    decimal? SimilarUpholdRatePct,
    decimal? SimilarUpheldPer100k);
