using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>Assessment readiness: predicted ratings from the latest scores, and how complete and fresh the evidence is.</summary>
public sealed record ReadinessMetrics(
    Rating Self,
    Rating Cqc,
    IReadOnlyList<StatementScores> Statements,
    Ratio EvidenceCoverage,
    Ratio EvidenceFreshness)
{
    /// <summary>The evidence categories that evidence coverage counts, in the order a pack shows them.</summary>
    public static readonly FindingCategory[] CoverageCategories =
        [FindingCategory.PeopleExperience, FindingCategory.StaffLeaders, FindingCategory.Partners, FindingCategory.Processes];

    public static ReadinessMetrics Compute(EvidenceSet evidence, ReportingPeriod period)
    {
        var e = period.End;
        var statements = Enum.GetValues<QualityStatement>()
            .Select(qs => new StatementScores(qs, Latest(evidence, qs, AssessmentKind.Cqc, e), Latest(evidence, qs, AssessmentKind.Self, e)))
            .ToList();
        var recent = evidence.Findings.Where(f => period.InR12(f.EvidenceDate)).ToList();
        var coveredPairs = recent.Where(f => CoverageCategories.Contains(f.Category)).Select(f => (f.Statement, f.Category)).Distinct().Count();
        return new ReadinessMetrics(
            Rating.From(statements.Select(s => s.Self)),
            Rating.From(statements.Select(s => s.Cqc)),
            statements,
            Ratio.Percent(coveredPairs, Enum.GetValues<QualityStatement>().Length * CoverageCategories.Length),
            Ratio.Percent(recent.Count, evidence.Findings.Count(f => f.EvidenceDate <= e)));
    }

    private static QualityStatementScore? Latest(EvidenceSet evidence, QualityStatement qs, AssessmentKind kind, DateOnly e) =>
        evidence.Scores.Where(s => s.Statement == qs && s.Kind == kind && s.AssessedOn <= e).MaxBy(s => s.AssessedOn);
}

public sealed record StatementScores(QualityStatement Statement, QualityStatementScore? Cqc, QualityStatementScore? Self);

/// <summary>A predicted rating: 100 × sum of scores / (4 × statements scored), rounded half up, and its band.</summary>
public sealed record Rating(Ratio Percent, string? Band)
{
    public static Rating From(IEnumerable<QualityStatementScore?> latest)
    {
        var scores = latest.OfType<QualityStatementScore>().Select(s => s.Score).ToList();
        decimal sum = scores.Sum(), max = 4 * scores.Count;
        if (max == 0) return new Rating(new Ratio(0, 0, null), null);
        var pct = Statistics.RoundHalfUp(100m * sum / max);
        return new Rating(new Ratio(sum, max, (double)pct), BandOf(pct));
    }

    public static string BandOf(decimal pct) => pct switch
    {
        >= 88 => "Outstanding",
        >= 63 => "Good",
        >= 39 => "Requires improvement",
        _ => "Inadequate",
    };
}
