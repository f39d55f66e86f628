using ReportEngine.Composition.Charts;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>Builds the monthly pack's view model: the period's figures, the same figures twelve months earlier, and chart geometry.</summary>
public sealed class MonthlyPackBuilder : IViewModelBuilder<MonthlyFigures>
{
    public object Build(ReportContext context, MonthlyFigures figures, PageNumbers pages) => BuildModel(context, figures, pages);

    public static MonthlyPackViewModel BuildModel(ReportContext context, MonthlyFigures figures, PageNumbers pages)
    {
        var evidence = context.Gathered.Evidence;
        var m = figures.Current;
        var period = m.Period;
        var previous = figures.YearEarlier;
        var previousThemes = previous.Complaints.Themes.ToDictionary(t => t.Code, t => t.Count);

        return new MonthlyPackViewModel(
            ReportHeading.For(context),
            pages.Contents,
            m,
            previous,
            m.Readiness.Statements.Select(s => new ScorecardRow(s.Statement, s.Statement.Name(), s.Statement.Theme(), s.Cqc, s.Self, AttentionList.PlaceOf(s.Statement))).ToList(),
            Coverage(evidence, period),
            evidence.Findings
                .Where(f => f.Statement == QualityStatement.Learning && period.InR12(f.EvidenceDate))
                .OrderBy(f => f.Kind).ThenByDescending(f => f.EvidenceDate).ThenBy(f => f.Id, StringComparer.Ordinal)
                .ToList(),
            m.Complaints.Themes.Select(t => new ThemeRow(t.Code, t.Count, previousThemes.TryGetValue(t.Code, out var p) ? p : null)).ToList(),
            Charts(m, figures.Coverage),
            m.Actions.OverdueActions.Select(a => new OverdueActionRow(a, a.Statement?.Name(), AttentionList.PlaceOf(a))).ToList(),
            ProvenanceView.For(context),
            AttentionList.Build(figures, pages),
            figures.Outlook.Statuses.ToDictionary(s => s.Target.Metric, s => (object)TargetView.Of(s.Target, s.Status), StringComparer.Ordinal),
            Directions(evidence),
            m.Readiness.Statements.Select(s => s.Cqc?.AssessedOn).Max(),
            m.Readiness.Statements.Select(s => s.Self?.AssessedOn).Max(),
            figures.Outlook.Trends.ToDictionary(t => t.Key, t => (object)TrendView.Of(t, evidence.Targets), StringComparer.Ordinal),
            CareAct.CareActView.Of(m.CareAct, previous.CareAct, period, evidence.Operations),
            FiguresNotAvailable.Of(figures.Current.ByKey().Select(k => k.Key), figures.Coverage, ReportFormat.Month(period)),
            ComparisonView.Of(evidence, figures.Comparisons, figures));
    }

    /// <summary>Which way is better for each figure that has a direction (HIGHER or LOWER), for the templates' change words.</summary>
    private static Dictionary<string, object> Directions(EvidenceSet evidence) =>
        MetricDirection.Keys.Concat(evidence.Targets?.Select(t => t.Metric) ?? []).Distinct()
            .Select(k => (k, MetricDirection.Of(k, evidence.Targets)))
            .Where(x => x.Item2 is not null)
            .ToDictionary(x => x.k, x => (object)CodeNames.ToCode(x.Item2!.Value), StringComparer.Ordinal);

    private static IReadOnlyList<CoverageRow> Coverage(EvidenceSet evidence, ReportingPeriod period)
    {
        var covered = evidence.Findings.Where(f => period.InR12(f.EvidenceDate)).Select(f => (f.Statement, f.Category)).ToHashSet();
        return Enum.GetValues<QualityStatement>()
            .Select(qs => new CoverageRow(qs.Name(), ReadinessMetrics.CoverageCategories.Select(c => covered.Contains((qs, c))).ToList()))
            .ToList();
    }

    private static MonthlyCharts Charts(PackMetrics m, FigureCoverage coverage)
    {
        static string Count(double? v) => ReportFormat.Count(v);
        static string Pct(double? v) => ReportFormat.Pct(v);

        var byMonth = ColumnChart.Build("Complaints received", ["Complaints received"],
            m.Complaints.ReceivedByMonth.Select(x => (ReportFormat.ShortMonth(x.Month),
                (IReadOnlyList<double?>)[coverage.Covers($"complaints.received_by_month.{x.Month}") ? x.Count : null])).ToList(), Count);

        var years = m.Ombudsman.Years.Reverse().ToList();
        var ombudsman = ColumnChart.Build("Detailed investigations upheld (%)", ["This council", "Similar authorities (average)"],
            years.Select(y => (ReportFormat.BusinessYear(y.BusinessYear, m.Period.End), (IReadOnlyList<double?>)[y.UpholdRate.Value, (double?)y.SimilarUpholdRatePct])).ToList(),
            Pct, height: 220);

        var teams = BarChart.Build("Due requirements met (%)",
            m.Training.ComplianceByTeam.Select(t => (t.Key, t.Ratio.Value)).ToList(), Pct, fixedMax: 100);

        return new MonthlyCharts(byMonth, ombudsman, teams);
    }
}
