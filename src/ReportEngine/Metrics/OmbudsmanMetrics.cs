using ReportEngine.Evidence;

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
