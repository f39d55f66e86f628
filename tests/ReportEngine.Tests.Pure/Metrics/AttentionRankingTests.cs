using ReportEngine.Composition;
using ReportEngine.Composition.Monthly;
using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>coverage.md's "What needs attention": tiers, order within a tier, covered figures only, none twice, and how many print.</summary>
public class AttentionRankingTests
{
    private static readonly ReportingPeriod January = new(2024, 1);

    /// <summary>A finding in every statement–category pair, so that evidence coverage is complete and lists nothing.</summary>
    private static readonly EvidenceSet Quiet = new EvidenceBuilder
    {
        Findings = Enum.GetValues<QualityStatement>()
            .SelectMany(qs => ReadinessMetrics.CoverageCategories.Select(c => new Finding($"{qs}-{c}", qs, c, FindingKind.Strength, "t", null, null, D("2023-12-01"))))
            .ToList(),
    }.Build();

    /// <summary>One of each of coverage.md's six risks to people at the end of January 2024.</summary>
    private static readonly CareActEvidence AtRisk = new(
        Waits:
        [
            new Wait("W1", "P1", WaitKind.CareActAssessment, D("2023-03-01"), null, null, null),
            new Wait("W2", "P2", WaitKind.CareActAssessment, D("2023-02-01"), null, D("2023-09-01"), WaitCloseReason.Died),
            new Wait("W3", "P3", WaitKind.CarerAssessment, D("2023-05-01"), null, null, null),
        ],
        LongTermSupport: [new SupportEpisode("P4", SupportSetting.Community, D("2022-01-01"), null)],
        Reviews: [],
        Concerns: [new SafeguardingConcern("C1", "P5", D("2024-01-20"), null, null), new SafeguardingConcern("C2", "P6", D("2023-03-01"), D("2023-03-02"), ConcernDecision.S42Enquiry)],
        Enquiries: [new SafeguardingEnquiry("E1", "C2", D("2023-03-03"), null, null, null, null, null, null)],
        Dols: [new DolsApplication("D1", "P7", D("2022-06-01"), false, null, null)]);

    private static IReadOnlyList<AttentionSignal> Attention(EvidenceSet evidence) => MonthlyFigures.Compute(evidence, January).Attention;

    [Fact]
    public void Nothing_to_list_gives_an_empty_list_and_the_pack_one_sentence()
    {
        Assert.Empty(Attention(Quiet));
        var view = AttentionList.Build(MonthlyFigures.Compute(Quiet, January), PageNumbers.None);
        Assert.Empty(view.All);
        Assert.Equal(0, view.More);
    }

    [Fact]
    public void Risks_to_people_lead_in_coverage_md_order_whatever_the_targets()
    {
        var evidence = Quiet with { CareAct = AtRisk };
        Assert.Equal(
        [
            ("waits.died_unstarted_12m.CARE_ACT_ASSESSMENT", AttentionTier.RiskToPeople), ("waits.over_6_months", AttentionTier.RiskToPeople),
            ("safeguarding.s42_open_over_6_months", AttentionTier.RiskToPeople), ("safeguarding.undecided_at_end", AttentionTier.RiskToPeople),
            ("dols.longest_wait_days", AttentionTier.RiskToPeople), ("reviews.overdue", AttentionTier.RiskToPeople),
        ], Attention(evidence).Select(a => (a.Key, a.Tier)));

        var view = AttentionList.Build(MonthlyFigures.Compute(evidence, January), PageNumbers.None);
        Assert.Equal(
        [
            "1 person died in the last 12 months while waiting for a Care Act assessment that had not started.",
            "Waiting over six months on 31 January 2024: 1 person for a Care Act assessment; 1 person for a carer's assessment.",
            "1 section 42 enquiry has been open for over six months.",
            "1 safeguarding concern was waiting for a decision on 31 January 2024.",
            "1 DoLS application was not completed on 31 January 2024; the oldest has waited 609 days.",
            "1 person in long-term support was not reviewed in the last 12 months.",
        ], view.Printed.Select(i => i.Sentence));
    }

    [Theory]
    [InlineData("2022-02-01", true)]  // waited 729 days
    [InlineData("2023-01-30", true)]  // 366 days
    [InlineData("2023-01-31", false)] // 365 days: not over a year
    public void A_dols_application_is_a_risk_when_it_has_waited_more_than_365_days(string received, bool listed)
    {
        var evidence = Quiet with { CareAct = new CareActEvidence(Dols: [new DolsApplication("D1", "P7", D(received), false, null, null)]) };
        Assert.Equal(listed, Attention(evidence).Any(a => a.Key == "dols.longest_wait_days"));
    }

    [Fact]
    public void A_figure_a_risk_to_people_names_is_not_listed_again_for_its_target()
    {
        var evidence = Quiet with
        {
            CareAct = AtRisk,
            Targets = [new Target("waits.over_6_months.CARE_ACT_ASSESSMENT", 0, Better.Lower, 0), new Target("dols.not_completed_at_end", 0, Better.Lower, 0)],
        };
        var keys = Attention(evidence).Select(a => a.Key).ToList();
        Assert.Equal(6, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Off_target_figures_are_ordered_by_area_then_by_how_far_they_miss()
    {
        var evidence = Quiet with
        {
            Complaints = [Complaint("2023-11-01", due: "2023-12-01")],
            Actions = [new ImprovementAction("A1", null, "Fix the rota", "Jo Bloggs", D("2023-06-01"), D("2023-12-01"), null, Rag.Red)],
            CareAct = new CareActEvidence(Concerns: [new SafeguardingConcern("C1", "P1", D("2023-06-01"), D("2023-06-02"), ConcernDecision.NoEnquiry)]),
            Targets =
            [
                new Target("actions.overdue", 0, Better.Lower, 0),                 // actions: listed after complaints
                new Target("complaints.received_12m", 0.5m, Better.Lower, 0),      // misses by 100 %
                new Target("complaints.overdue_open", 0.25m, Better.Lower, 0),     // misses by 300 %: first of complaints
                new Target("safeguarding.concerns_12m", 0, Better.Lower, 0.5m),    // safeguarding leads, whatever the order of targets.csv
                new Target("complaints.open_at_end", 0, Better.Lower, 1),          // amber: after every red
            ],
        };
        Assert.Equal(
        [
            ("safeguarding.concerns_12m", AttentionTier.OffTarget), ("complaints.overdue_open", AttentionTier.OffTarget),
            ("complaints.received_12m", AttentionTier.OffTarget), ("actions.overdue", AttentionTier.OffTarget),
            ("complaints.open_at_end", AttentionTier.NearTarget),
        ], Attention(evidence).Select(a => (a.Key, a.Tier)));
    }

    [Fact]
    public void Getting_worse_and_evidence_follow_and_an_item_already_listed_for_its_target_is_not_listed_again()
    {
        var evidence = new EvidenceBuilder
        {
            Staff = [Member("A", "2020-01-01")],
            Actions = [new ImprovementAction("A1", null, "Fix the rota", "Jo Bloggs", D("2023-06-01"), D("2023-12-01"), null, Rag.Green)],
            Complaints = [Complaint("2023-12-01", due: "2023-12-20")],
        }.Build();
        Assert.Equal(
        [
            ("complaints.overdue_open", AttentionTier.GettingWorse), ("attention.green_but_overdue.A1", AttentionTier.GettingWorse),
            ("readiness.evidence_coverage_pct", AttentionTier.Evidence),
        ], Attention(evidence).Select(a => (a.Key, a.Tier)));

        var withTarget = evidence with { Targets = [new Target("complaints.overdue_open", 0, Better.Lower, 0), new Target("readiness.evidence_coverage_pct", 90, Better.Higher, 0)] };
        Assert.Equal(["complaints.overdue_open", "readiness.evidence_coverage_pct", "attention.green_but_overdue.A1"], Attention(withTarget).Select(a => a.Key));

        var sentences = AttentionList.Build(MonthlyFigures.Compute(evidence, January), PageNumbers.None).All.Select(i => i.Sentence).ToList();
        Assert.Equal(
        [
            "1 of 1 open complaints are past their agreed date, against 0 a year earlier.",
            "Action A1, \u201cFix the rota\u201d (Jo Bloggs), was due on 1 December 2023 and is overdue, but is marked green.",
            "36 of 36 statement\u2013category pairs have no evidence from the last 12 months.",
        ], sentences);
    }

    [Fact]
    public void A_figure_the_data_does_not_cover_is_never_in_the_attention_list()
    {
        var full = Quiet with
        {
            Staff = [Member("A", "2020-01-01")],
            Targets = [new Target("supervision.compliance_pct", 90, Better.Higher, 5)],
            Actions = [new ImprovementAction("A1", null, "Fix the rota", "Jo Bloggs", D("2023-06-01"), D("2023-12-01"), null, Rag.Green)],
            Complaints = [Complaint("2023-12-01", due: "2023-12-20")],
            CareAct = AtRisk,
        };
        Assert.Equal(9, Attention(full).Count);

        // supervision.csv stops on 30 December, actions.csv on 30 January, complaints.csv starts in February 2023 (so the
        // year-earlier count of overdue complaints is not covered), waits.csv and dols_applications.csv stop in December.
        var stopped = full with
        {
            Coverage =
            [
                new FileCoverage("supervision.csv", null, D("2023-12-30")), new FileCoverage("actions.csv", null, D("2024-01-30")),
                new FileCoverage("complaints.csv", D("2023-02-01"), null), new FileCoverage("waits.csv", null, D("2023-12-31")),
                new FileCoverage("dols_applications.csv", null, D("2023-12-31")),
            ],
        };
        Assert.Equal(["safeguarding.s42_open_over_6_months", "safeguarding.undecided_at_end", "reviews.overdue"], Attention(stopped).Select(a => a.Key));
    }

    [Fact]
    public void A_long_list_prints_eight_items_and_says_how_many_more_the_appendix_page_lists()
    {
        var evidence = Quiet with
        {
            CareAct = AtRisk,
            Actions = Enumerable.Range(1, 24)
                .Select(i => new ImprovementAction($"A{i:00}", null, $"Action {i}", "Jo Bloggs", D("2023-06-01"), D("2023-12-01"), null, Rag.Green)).ToList(),
        };
        var figures = MonthlyFigures.Compute(evidence, January);
        Assert.Equal(30, figures.Attention.Count);
        Assert.Equal(30, figures.Attention.Select(a => a.Key).Distinct().Count());

        var pages = new PageNumbers([new("Improvement actions", 19), new(AttentionList.AppendixTitle, 25)],
            new Dictionary<string, int> { ["reviews.overdue"] = 8, ["attention.green_but_overdue.A01"] = 20 });
        var view = AttentionList.Build(figures, pages);
        Assert.Equal(8, view.Printed.Count);
        Assert.Equal(30, view.All.Count);
        Assert.Equal(22, view.More);
        Assert.Equal(25, view.AppendixPage);
        Assert.All(view.All.Where(i => i.Tier == AttentionTier.RiskToPeople), i => Assert.Contains(i, view.Printed));
        // A figure's page is its place's where the report marks one, else its section's first page.
        Assert.Equal(("reviews.overdue", 8), (view.Printed[5].Place, view.Printed[5].Page));
        Assert.Equal(("attention.green_but_overdue.A01", 20), (view.Printed[6].Place, view.Printed[6].Page));
        Assert.Equal((null, 19), (view.Printed[7].Place, view.Printed[7].Page));
    }
}
