using ReportEngine.Evidence;
using ReportEngine.Metrics;
using static ReportEngine.Metrics.AttentionRanking;

namespace ReportEngine.Composition.Monthly;

/// <summary>One thing a Director should look at: a sentence with its figure, and the place (and page) it is printed.</summary>
/// <param name="Place">The place of the figure (<see cref="PageNumbers.Places"/>), linked from the page number; null when the page is its section's.</param>
public sealed record AttentionItem(string Sentence, AttentionTier Tier, string? Place, int? Page)
{
    /// <summary>A risk to people, which the list sets apart.</summary>
    public bool Risk => Tier == AttentionTier.RiskToPeople;
}

/// <summary>
/// "What needs attention" as the executive summary prints it (coverage.md): the first <see cref="Printed"/> items, with
/// every risk to people however many there are, and how many more the appendix page lists with the whole list.
/// </summary>
public sealed record AttentionView(IReadOnlyList<AttentionItem> Printed, IReadOnlyList<AttentionItem> All, int More, int? AppendixPage);

/// <summary>
/// Writes each item of <see cref="AttentionRanking"/>'s list as one sentence with its figure, and finds the page the
/// figure is printed on: its place in the report where the templates mark one, else its section's first page.
/// </summary>
public static class AttentionList
{
    /// <summary>The most items the summary prints, unless more are risks to people.</summary>
    public const int PrintedItems = 8;

    /// <summary>The appendix page's heading, whose page "N more items are listed on page P" gives.</summary>
    public const string AppendixTitle = "Everything that needs attention";

    private const string Coverage = "Evidence coverage";

    public static AttentionView Build(MonthlyFigures figures, PageNumbers pages)
    {
        // Each figure's number, once for the whole list rather than once a sentence.
        var values = figures.Current.ByKey().ToDictionary(k => k.Key, k => TargetStatus.NumberOf(k.Value), StringComparer.Ordinal);
        var all = figures.Attention.Select(signal => Item(signal, figures, values, pages)).ToList();
        var printed = Math.Max(PrintedItems, all.Count(i => i.Tier == AttentionTier.RiskToPeople));
        return new AttentionView(all.Take(printed).ToList(), all, Math.Max(0, all.Count - printed), pages.Section(AppendixTitle));
    }

    /// <summary>The place name of a quality statement's scorecard row, which an item "self-assessed above CQC" points at.</summary>
    public static string PlaceOf(QualityStatement statement) => SelfAboveCqcPrefix + CodeNames.ToCode(statement);

    /// <summary>The place name of an overdue action's row, which an item "marked green but overdue" points at.</summary>
    public static string PlaceOf(ImprovementAction action) => GreenButOverduePrefix + action.Id;

    private static AttentionItem Item(AttentionSignal signal, MonthlyFigures figures, IReadOnlyDictionary<string, double?> values, PageNumbers pages)
    {
        var sentence = Sentence(signal, figures, values);
        // A figure in the bottom quarter is found where the figure itself is printed.
        if (signal.Key.StartsWith(QuartilePrefix, StringComparison.Ordinal))
            signal = signal with { Key = signal.Key[QuartilePrefix.Length..] };
        // Every item's key is the name of its place; a figure a template prints in no marked place has its section's page.
        return pages.Place(signal.Key) is { } page
            ? new AttentionItem(sentence, signal.Tier, signal.Key, page)
            : new AttentionItem(sentence, signal.Tier, null, pages.Section(SectionOf(signal.Key)));
    }

    private static string Sentence(AttentionSignal signal, MonthlyFigures figures, IReadOnlyDictionary<string, double?> values)
    {
        var m = figures.Current;
        var end = ReportFormat.Date(m.Period.End);
        var value = values.GetValueOrDefault(signal.Key);
        string Count(double? n, string one, string many) => $"{ReportFormat.Count(n)} {ReportFormat.Plural(n, one, many)}";
        switch (signal.Key)
        {
            case DiedWaiting:
                return $"{Count(value, "person", "people")} died in the last 12 months while waiting for a Care Act assessment that had not started.";
            case WaitsOverSixMonths:
                var kinds = Enum.GetValues<WaitKind>()
                    .Select(k => (Kind: k, Count: values.GetValueOrDefault($"{WaitsOverSixMonths}.{CodeNames.ToCode(k)}")))
                    .Where(k => k.Count > 0)
                    .Select(k => $"{Count(k.Count, "person", "people")} for {WaitWords(k.Kind)}");
                return $"Waiting over six months on {end}: {string.Join("; ", kinds)}.";
            case OpenOverSixMonths:
                return $"{Count(value, "section 42 enquiry has", "section 42 enquiries have")} been open for over six months.";
            case Undecided:
                return $"{Count(value, "safeguarding concern was", "safeguarding concerns were")} waiting for a decision on {end}.";
            case LongestDolsWait:
                return $"{Count(values.GetValueOrDefault(DolsNotCompleted), "DoLS application was", "DoLS applications were")} not completed on {end}; " +
                       $"the oldest has waited {ReportFormat.Count(value)} days.";
            case ReviewsOverdue:
                return $"{Count(value, "person", "people")} in long-term support {ReportFormat.Plural(value, "was", "were")} not reviewed in the last 12 months.";
            case EvidenceCoverage when signal.Tier == AttentionTier.Evidence:
                var coverage = m.Readiness.EvidenceCoverage;
                var missing = coverage.Denominator - coverage.Numerator;
                return $"{ReportFormat.Count(missing)} of {ReportFormat.Count(coverage.Denominator)} statement\u2013category pairs " +
                       $"{ReportFormat.Plural(missing, "has", "have")} no evidence from the last 12 months.";
            case OverdueComplaints when signal.Tier == AttentionTier.GettingWorse:
                return $"{ReportFormat.Count(m.Complaints.OverdueOpen)} of {ReportFormat.Count(m.Complaints.OpenAtEnd)} open complaints are past their agreed date, " +
                       $"against {ReportFormat.Count(figures.YearEarlier.Complaints.OverdueOpen)} a year earlier.";
        }
        if (signal.Key.StartsWith(SelfAboveCqcPrefix, StringComparison.Ordinal))
        {
            var s = figures.Outlook.SelfAboveCqc.First(s => PlaceOf(s.Statement) == signal.Key);
            return $"{s.Statement.Name()}: the self-assessment scores it {s.Self!.Score}, but CQC's published score is {s.Cqc!.Score}.";
        }
        if (signal.Key.StartsWith(QuartilePrefix, StringComparison.Ordinal) && figures.Comparisons.For(signal.Key[QuartilePrefix.Length..]) is { } compared)
        {
            var key = compared.Key;
            var england = compared.Of(BenchmarkArea.England)!;
            return $"{MetricLabels.Of(key)}: {MetricLabels.Format(key, values.GetValueOrDefault(key))} is in the bottom quarter of councils in England " +
                   $"(England {MetricLabels.Format(key, (double)england.Value)}, {england.Period}).";
        }
        if (signal.Key.StartsWith(GreenButOverduePrefix, StringComparison.Ordinal))
        {
            var a = figures.Outlook.GreenButOverdue.First(a => PlaceOf(a) == signal.Key);
            return $"Action {a.Id}, \u201c{a.Title}\u201d ({a.Owner}), was due on {ReportFormat.Date(a.DueDate)} and is overdue, but is marked green.";
        }
        var target = figures.Outlook.Statuses.First(s => s.Target.Metric == signal.Key).Target;
        return $"{MetricLabels.Of(target.Metric)}: {MetricLabels.Format(target.Metric, value)} against a target of " +
               $"{MetricLabels.Format(target.Metric, (double)target.Value)} or {(target.Better == Better.Higher ? "more" : "less")} " +
               $"({(signal.Tier == AttentionTier.OffTarget ? "off target" : "near target")}).";
    }

    /// <summary>What someone waits for, as a sentence says it.</summary>
    internal static string WaitWords(WaitKind kind) => kind switch
    {
        WaitKind.CareActAssessment => "a Care Act assessment",
        WaitKind.CarerAssessment => "a carer's assessment",
        WaitKind.OtAssessment => "an occupational therapy assessment",
        WaitKind.FinancialAssessment => "a financial assessment",
        _ => "a requested review",
    };

    /// <summary>The section a figure with no marked place is found in: its key's (<see cref="PackSections"/>), but for the attention keys of its own and the evidence figures.</summary>
    private static string SectionOf(string key) => key switch
    {
        _ when key.StartsWith(GreenButOverduePrefix, StringComparison.Ordinal) => PackSections.Actions,
        "readiness.evidence_coverage_pct" or "readiness.evidence_freshness_pct" => Coverage,
        _ when key.StartsWith(SelfAboveCqcPrefix, StringComparison.Ordinal) => PackSections.Scorecard,
        _ => PackSections.IndexOf(key) is var i && i < PackSections.All.Count ? PackSections.All[i].Title : PackSections.Workforce,
    };
}
