using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// "What needs attention" in coverage.md's order: risks to people first whatever the targets, then figures off target and
/// near it (by area, then by how far they miss), then what is getting worse, then missing evidence. Built from covered
/// figures only, and no figure twice: a figure a tier-1 item already names is not listed again for its target.
/// </summary>
public static class AttentionRanking
{
    public const string WaitsOverSixMonths = "waits.over_6_months";
    public const string DiedWaiting = "waits.died_unstarted_12m.CARE_ACT_ASSESSMENT";
    public const string OpenOverSixMonths = "safeguarding.s42_open_over_6_months";
    public const string Undecided = "safeguarding.undecided_at_end";
    public const string LongestDolsWait = "dols.longest_wait_days";
    public const string DolsNotCompleted = "dols.not_completed_at_end";
    public const string ReviewsOverdue = "reviews.overdue";
    public const string OverdueComplaints = "complaints.overdue_open";
    public const string EvidenceCoverage = "readiness.evidence_coverage_pct";
    public const string SelfAboveCqcPrefix = "attention.self_above_cqc.";
    public const string GreenButOverduePrefix = "attention.green_but_overdue.";

    /// <summary>benchmarks.md: a figure in England's bottom quarter of councils is listed by its <c>quartile.KEY</c>.</summary>
    public const string QuartilePrefix = "quartile.";

    /// <summary>A DoLS application waiting longer than this is a risk to the person (tier 1).</summary>
    public const int DolsWaitDays = 365;

    /// <summary>The areas of tiers 2 and 3, in coverage.md's order, by the start of a metric's key.</summary>
    private static readonly string[][] Areas =
    [
        ["safeguarding.", "dols."], ["waits.", "reviews."], ["complaints.", "lgsco."], ["training."], ["supervision."],
        ["workforce."], ["actions."], ["readiness."],
    ];

    /// <param name="current">The month's figures.</param>
    /// <param name="yearEarlier">The figures at the end of the same month a year earlier.</param>
    /// <param name="statuses">Each target's status, null where its figure is not covered.</param>
    /// <param name="comparisons">The published figures the month's are read beside; a covered figure in England's bottom quarter is tier 4.</param>
    public static IReadOnlyList<AttentionSignal> Rank(PackMetrics current, PackMetrics yearEarlier, FigureCoverage covered, FigureCoverage coveredYearEarlier,
        IReadOnlyList<(Target Target, string? Status)> statuses, IReadOnlyList<StatementScores> selfAboveCqc, IReadOnlyList<ImprovementAction> greenButOverdue,
        Comparisons? comparisons = null)
    {
        var values = current.ByKey().ToDictionary(k => k.Key, k => TargetStatus.NumberOf(k.Value), StringComparer.Ordinal);
        double? Value(string key) => values.TryGetValue(key, out var v) && covered.Covers(key) ? v : null;
        bool Above(string key, double threshold) => Value(key) is { } v && v > threshold;

        var list = new List<AttentionSignal>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        void Add(string key, AttentionTier tier, params IEnumerable<string> figures)
        {
            list.Add(new AttentionSignal(key, tier));
            named.Add(key);
            named.UnionWith(figures);
        }

        if (Above(DiedWaiting, 0)) Add(DiedWaiting, AttentionTier.RiskToPeople);
        var longWaits = Enum.GetValues<WaitKind>().Select(k => $"{WaitsOverSixMonths}.{CodeNames.ToCode(k)}").Where(k => Above(k, 0)).ToList();
        if (longWaits.Count > 0) Add(WaitsOverSixMonths, AttentionTier.RiskToPeople, longWaits);
        if (Above(OpenOverSixMonths, 0)) Add(OpenOverSixMonths, AttentionTier.RiskToPeople);
        if (Above(Undecided, 0)) Add(Undecided, AttentionTier.RiskToPeople);
        if (Above(LongestDolsWait, DolsWaitDays)) Add(LongestDolsWait, AttentionTier.RiskToPeople, DolsNotCompleted);
        // reviews.overdue is the reviewed share's complement: its target is the same figure, not listed again.
        if (Above(ReviewsOverdue, 0)) Add(ReviewsOverdue, AttentionTier.RiskToPeople, "reviews.reviewed_12m_pct");

        foreach (var (status, tier) in new[] { (TargetStatus.Red, AttentionTier.OffTarget), (TargetStatus.Amber, AttentionTier.NearTarget) })
        {
            var missed = statuses
                .Where(s => s.Status == status && !named.Contains(s.Target.Metric))
                .OrderBy(s => Area(s.Target.Metric))
                .ThenByDescending(s => RelativeMiss(s.Target, values.GetValueOrDefault(s.Target.Metric)))
                .ToList();
            foreach (var (target, _) in missed) Add(target.Metric, tier);
        }

        if (!named.Contains(OverdueComplaints) && Above(OverdueComplaints, yearEarlier.Complaints.OverdueOpen) && coveredYearEarlier.Covers(OverdueComplaints))
            Add(OverdueComplaints, AttentionTier.GettingWorse);
        if (covered.Covers("attention.self_above_cqc"))
            foreach (var s in selfAboveCqc) Add(SelfAboveCqcPrefix + CodeNames.ToCode(s.Statement), AttentionTier.GettingWorse);
        if (covered.Covers("attention.green_but_overdue"))
            foreach (var a in greenButOverdue) Add(GreenButOverduePrefix + a.Id, AttentionTier.GettingWorse);
        // A quarter is given only for a covered figure; in the pack's section order, each section's in the report's order.
        foreach (var bottom in (comparisons ?? Comparisons.None).Figures.Where(c => c.Quartile == 4).OrderBy(c => PackSections.IndexOf(c.Key)))
            Add(QuartilePrefix + bottom.Key, AttentionTier.GettingWorse);

        if (!named.Contains(EvidenceCoverage) && covered.Covers(EvidenceCoverage) && current.Readiness.EvidenceCoverage is { Numerator: var n, Denominator: var d } && n < d)
            Add(EvidenceCoverage, AttentionTier.Evidence);
        return list;
    }

    private static int Area(string metric)
    {
        var area = Array.FindIndex(Areas, starts => starts.Any(s => metric.StartsWith(s, StringComparison.Ordinal)));
        return area < 0 ? Areas.Length : area;
    }

    /// <summary>How far a figure misses its target, as a share of the target (of 1 when the target is 0, such as "no overdue actions").</summary>
    private static double RelativeMiss(Target target, double? value)
    {
        if (value is not { } v) return 0;
        var shortfall = Math.Abs(v - (double)target.Value);
        return target.Value == 0 ? shortfall : shortfall / Math.Abs((double)target.Value);
    }
}
