using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Statement;

/// <summary>Builds the quality-statement report's view model: score history, findings by category with gaps named, and actions.</summary>
public sealed class QualityStatementBuilder : IViewModelBuilder<QualityStatementFigures>
{
    public object Build(ReportContext context, QualityStatementFigures figures, PageNumbers pages)
    {
        var evidence = context.Gathered.Evidence;
        var qs = figures.Statement;
        var month = figures.Month;
        var findings = evidence.Findings.Where(f => f.Statement == qs && f.EvidenceDate <= month.End)
            .OrderByDescending(f => f.EvidenceDate).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var recent = findings.Where(f => month.InR12(f.EvidenceDate)).ToList();

        return new QualityStatementViewModel(
            ReportHeading.For(context),
            pages.Contents,
            CodeNames.ToCode(qs),
            qs.Name(),
            qs.Theme(),
            figures,
            evidence.Scores.Where(s => s.Statement == qs && s.AssessedOn <= month.End)
                .OrderByDescending(s => s.AssessedOn).ThenBy(s => s.Kind)
                .Select(s => new ScoreRow(ReportFormat.AssessedBy(s.Kind), s.AssessedOn, s.Score, QualityStatements.ScoreWording(s.Score), s.Rationale))
                .ToList(),
            Enum.GetValues<FindingCategory>()
                .Select(c => new FindingGroup(ReportFormat.Category(c), recent.Where(f => f.Category == c).ToList()))
                .Where(g => g.Findings.Count > 0)
                .ToList(),
            findings.Where(f => !month.InR12(f.EvidenceDate)).ToList(),
            ReadinessMetrics.CoverageCategories.Where(c => recent.All(f => f.Category != c)).Select(ReportFormat.Category).ToList(),
            figures.Actions.OpenActions.Select(a => new OpenActionRow(a, a.DueDate < month.End)).ToList(),
            figures.Monthly,
            ProvenanceView.For(context),
            figures.CareAct is { } operations ? CareAct.CareActView.Of(operations, null, month, evidence.Operations) : null,
            FiguresNotAvailable.Of(figures.ByKey().Select(k => k.Key), figures.Coverage, ReportFormat.Month(month)),
            // benchmarks.md: the statement's own figures beside the published ones.
            Monthly.ComparisonView.Of(evidence, figures.Comparisons, figures));
    }
}
