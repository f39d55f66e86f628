using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// The quality-statement report's figures (reports.md) for month M and statement S. For <c>LEARNING</c> the report also
/// prints the monthly pack's complaints, training and supervision figures, so those are computed and written too; for
/// <c>ASSESSING_NEEDS</c> the waits and reviews of operations.md, for <c>SAFEGUARDING</c> its safeguarding and DoLS figures.
/// </summary>
public sealed record QualityStatementFigures(
    QualityStatement Statement,
    ReportingPeriod Month,
    IReadOnlyList<LatestScore> LatestScores,
    IReadOnlyList<CategoryCount> FindingsByCategory,
    IReadOnlyList<FindingKindCount> FindingsByKind,
    Ratio EvidenceCoverage,
    Ratio EvidenceFreshness,
    ActionMetrics Actions,
    PackMetrics? Monthly,
    CareActMetrics? CareAct = null) : IReportFigures
{
    public static QualityStatementFigures Compute(EvidenceSet evidence, ReportingPeriod month, QualityStatement statement)
    {
        var e = month.End;
        var findings = evidence.Findings.Where(f => f.Statement == statement && f.EvidenceDate <= e).ToList();
        var recent = findings.Where(f => month.InR12(f.EvidenceDate)).ToList();
        var figures = new QualityStatementFigures(
            statement,
            month,
            Enum.GetValues<AssessmentKind>()
                .Select(kind => new LatestScore(kind, evidence.Scores.Where(s => s.Statement == statement && s.Kind == kind && s.AssessedOn <= e).MaxBy(s => s.AssessedOn)))
                .ToList(),
            Enum.GetValues<FindingCategory>().Select(c => new CategoryCount(c, recent.Count(f => f.Category == c))).ToList(),
            Enum.GetValues<FindingKind>().Select(k => new FindingKindCount(k, recent.Count(f => f.Kind == k))).ToList(),
            Ratio.Percent(ReadinessMetrics.CoverageCategories.Count(c => recent.Any(f => f.Category == c)), ReadinessMetrics.CoverageCategories.Length),
            Ratio.Percent(recent.Count, findings.Count),
            ActionMetrics.Of(evidence.Actions.Where(a => a.Statement == statement), month),
            statement == QualityStatement.Learning ? PackMetrics.Compute(evidence, month) : null,
            statement is QualityStatement.AssessingNeeds or QualityStatement.Safeguarding ? CareActMetrics.Compute(evidence, month) : null)
            { Coverage = FigureCoverage.Of(evidence, month) };
        return figures with { Comparisons = Comparisons.Of(evidence, figures.OwnFigures(), e, figures.Coverage) };
    }

    /// <summary>benchmarks.md: the published figures the statement's figures are read beside.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Comparisons Comparisons { get; private init; } = Comparisons.None;

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey() => OwnFigures().Concat(Comparisons.ByKey());

    [System.Text.Json.Serialization.JsonIgnore] // which figures are covered is read through the figures, not printed whole
    public FigureCoverage Coverage { get; private init; } = null!;

    private IEnumerable<KeyValuePair<string, MetricValue>> OwnFigures()
    {
        foreach (var s in LatestScores) yield return K($"qs.score.{CodeNames.ToCode(s.Kind)}", new NumberValue(s.Score?.Score));
        foreach (var c in FindingsByCategory) yield return K($"qs.findings_12m.{CodeNames.ToCode(c.Category)}", N(c.Count));
        foreach (var k in FindingsByKind) yield return K($"qs.findings_kind_12m.{CodeNames.ToCode(k.Kind)}", N(k.Count));
        yield return K("qs.evidence_coverage_pct", EvidenceCoverage);
        yield return K("qs.evidence_freshness_pct", EvidenceFreshness);
        yield return K("qs.actions_open", N(Actions.Open));
        yield return K("qs.actions_overdue", N(Actions.Overdue));
        yield return K("qs.actions_completed_on_time_pct_12m", Actions.CompletedOnTime12m);
        if (CareAct is { } operations)
        {
            var figures = Statement == QualityStatement.AssessingNeeds
                ? (operations.Waits?.ByKey() ?? []).Concat(operations.Reviews?.ByKey() ?? [])
                : (operations.Safeguarding?.ByKey() ?? []).Concat(operations.Dols?.ByKey() ?? []);
            foreach (var figure in figures) yield return figure;
        }
        if (Monthly is null) yield break;
        // LEARNING prints the monthly pack's complaints, training and supervision figures; every printed figure is in metrics.json.
        foreach (var figure in Monthly.ByKey().Where(f => f.Key.StartsWith("complaints.", StringComparison.Ordinal)
                     || f.Key.StartsWith("training.", StringComparison.Ordinal) || f.Key.StartsWith("supervision.", StringComparison.Ordinal)))
            yield return figure;
    }
}

public sealed record LatestScore(AssessmentKind Kind, QualityStatementScore? Score);

public sealed record CategoryCount(FindingCategory Category, int Count);

public sealed record FindingKindCount(FindingKind Kind, int Count);
