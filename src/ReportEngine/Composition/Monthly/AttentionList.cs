using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>One thing a Director should look at first: a sentence with its figure, and the section (and page) that explains it.</summary>
public sealed record AttentionItem(string Sentence, string Section, int? Page);

/// <summary>
/// "What needs attention", the executive summary's first section (metrics.md version 2), in its order: figures off
/// target (red, then amber), statements the self-assessment scores above CQC, overdue actions marked green, more
/// complaints past their date than a year earlier, and statements with a core evidence category left empty. A figure
/// the data does not cover is never an item (coverage.md): it has no status, and the other items ask its coverage.
/// </summary>
public static class AttentionList
{
    private const string Complaints = "Complaints and learning from feedback";
    private const string Workforce = "Workforce learning and development";
    private const string Actions = "Improvement actions";
    private const string Scorecard = "Quality statement scorecard";
    private const string Coverage = "Evidence coverage";
    private const string AssessingNeeds = "Assessing needs: waits and reviews";
    private const string Safeguarding = "Safeguarding and DoLS";

    public static IReadOnlyList<AttentionItem> Build(MonthlyFigures figures, EvidenceSet evidence, IReadOnlyList<ContentsEntry> contents)
    {
        var m = figures.Current;
        var covered = figures.Coverage;
        var coveredYearEarlier = new FigureCoverage(covered.Data, m.Period.Shift(-12));
        var items = new List<(string Sentence, string Section)>();
        var values = m.ByKey().ToDictionary(k => k.Key, k => TargetStatus.NumberOf(k.Value), StringComparer.Ordinal);
        foreach (var status in new[] { TargetStatus.Red, TargetStatus.Amber })
        {
            foreach (var (target, _) in figures.Outlook.Statuses.Where(s => s.Status == status))
            {
                var value = values.GetValueOrDefault(target.Metric);
                items.Add(($"{MetricLabels.Of(target.Metric)}: {MetricLabels.Format(target.Metric, value)} against a target of " +
                           $"{MetricLabels.Format(target.Metric, (double)target.Value)} or {(target.Better == Better.Higher ? "more" : "less")} " +
                           $"({(status == TargetStatus.Red ? "off target" : "near target")}).", SectionOf(target.Metric)));
            }
        }
        foreach (var s in covered.Covers("attention.self_above_cqc") ? figures.Outlook.SelfAboveCqc : [])
            items.Add(($"{s.Statement.Name()}: the self-assessment scores it {s.Self!.Score}, but CQC's latest score is {s.Cqc!.Score}.", Scorecard));
        foreach (var a in covered.Covers("attention.green_but_overdue") ? figures.Outlook.GreenButOverdue : [])
            items.Add(($"Action {a.Id}, \u201c{a.Title}\u201d ({a.Owner}), was due on {ReportFormat.Date(a.DueDate)} and is overdue, but is marked green.", Actions));
        var c = m.Complaints;
        var before = figures.YearEarlier.Complaints;
        if (c.OverdueOpen > before.OverdueOpen && covered.Covers("complaints.overdue_open") && coveredYearEarlier.Covers("complaints.overdue_open"))
            items.Add(($"{ReportFormat.Count(c.OverdueOpen)} of {ReportFormat.Count(c.OpenAtEnd)} open complaints are past their agreed date, against " +
                       $"{ReportFormat.Count(before.OverdueOpen)} a year earlier.", Complaints));
        var recent = evidence.Findings.Where(f => m.Period.InR12(f.EvidenceDate)).Select(f => (f.Statement, f.Category)).ToHashSet();
        foreach (var qs in covered.Covers("readiness.evidence_coverage_pct") ? Enum.GetValues<QualityStatement>() : [])
        {
            var missing = ReadinessMetrics.CoverageCategories.Where(cat => !recent.Contains((qs, cat))).Select(CategoryWords).ToList();
            if (missing.Count > 0)
                items.Add(($"{qs.Name()} has no finding from {Join(missing)} in the last 12 months.", Coverage));
        }
        return items.Select(i => new AttentionItem(i.Sentence, i.Section, contents.FirstOrDefault(e => e.Title == i.Section)?.Page)).ToList();
    }

    private static string SectionOf(string key) => key switch
    {
        _ when key.StartsWith("complaints.", StringComparison.Ordinal) || key.StartsWith("lgsco.", StringComparison.Ordinal) => Complaints,
        _ when key.StartsWith("actions.", StringComparison.Ordinal) => Actions,
        "readiness.evidence_coverage_pct" or "readiness.evidence_freshness_pct" => Coverage,
        _ when key.StartsWith("readiness.", StringComparison.Ordinal) => Scorecard,
        _ when key.StartsWith("waits.", StringComparison.Ordinal) || key.StartsWith("reviews.", StringComparison.Ordinal) => AssessingNeeds,
        _ when key.StartsWith("safeguarding.", StringComparison.Ordinal) || key.StartsWith("dols.", StringComparison.Ordinal) => Safeguarding,
        _ => Workforce,
    };

    private static string CategoryWords(FindingCategory category) => category switch
    {
        FindingCategory.PeopleExperience => "people's experience",
        FindingCategory.StaffLeaders => "staff and leaders",
        FindingCategory.Partners => "partners",
        _ => "processes",
    };

    private static string Join(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
