using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>metrics.md version 2: targets' statuses, direction words, the two new figures, trends and the attention counts.</summary>
public class OutlookTests
{
    private static readonly ReportingPeriod January = new(2024, 1);

    private static IReadOnlyDictionary<string, MetricValue> Keys(EvidenceSet evidence, ReportingPeriod? month = null) =>
        MonthlyFigures.Compute(evidence, month ?? January).ByKey().ToDictionary(k => k.Key, k => k.Value);

    [Theory]
    [InlineData(90, "HIGHER", 5, 90.0, "GREEN")]   // exactly at the target
    [InlineData(90, "HIGHER", 5, 85.0, "AMBER")]   // at the edge of the tolerance
    [InlineData(90, "HIGHER", 5, 84.9, "RED")]
    [InlineData(90, "HIGHER", 0, 89.99, "RED")]    // no tolerance: any miss is red
    [InlineData(2, "LOWER", 2, 2.0, "GREEN")]
    [InlineData(2, "LOWER", 2, 4.0, "AMBER")]
    [InlineData(2, "LOWER", 2, 5.0, "RED")]
    public void Status_is_green_at_the_target_amber_within_the_tolerance_and_red_beyond(double target, string better, double amber, double value, string status)
    {
        var t = new Target("x", (decimal)target, better == "HIGHER" ? Better.Higher : Better.Lower, (decimal)amber);
        Assert.Equal(status, TargetStatus.Of(t, value));
    }

    [Fact]
    public void A_status_is_present_but_null_when_the_figure_is_null_or_absent()
    {
        var evidence = new EvidenceBuilder
        {
            Targets = [new Target("complaints.response_on_time_pct", 85, Better.Higher, 5), new Target("training.compliance_pct.team.Nobody", 90, Better.Higher, 0)],
        }.Build();
        var keys = Keys(evidence);
        Assert.Equal(new TextValue(null), keys["status.complaints.response_on_time_pct"]); // no complaint answered: no figure
        Assert.Equal(new TextValue(null), keys["status.training.compliance_pct.team.Nobody"]); // no such team that month
    }

    [Fact]
    public void The_status_uses_the_exact_ratio_not_the_figure_rounded_for_print()
    {
        // 89.96% prints as 90.0% but does not meet a target of 90.
        var staff = Enumerable.Range(1, 2499).Select(i => Member($"S{i}", "2020-01-01")).ToList();
        var held = staff.Take(2248).Select(s => new Supervision(s.StaffId, D("2024-01-15"), 60, SupervisionKind.Case, false)).ToList();
        var keys = Keys(new EvidenceBuilder { Staff = staff, Supervisions = held, Targets = [new Target("supervision.compliance_pct", 90, Better.Higher, 0)] }.Build());
        Assert.Equal("90.0%", ReportEngine.Composition.ReportFormat.Pct(((Ratio)keys["supervision.compliance_pct"]).Value));
        Assert.Equal(new TextValue("RED"), keys["status.supervision.compliance_pct"]);
    }

    [Fact]
    public void Direction_words_follow_the_target_else_the_figure_else_up_and_down()
    {
        Assert.Equal("better", MetricDirection.Word("training.compliance_pct", 80, 70, null));
        Assert.Equal("worse", MetricDirection.Word("workforce.turnover_pct_12m", 15, 12, null));
        Assert.Equal("up", MetricDirection.Word("complaints.uphold_rate_pct", 40, 30, null));
        Assert.Equal("down", MetricDirection.Word("complaints.uphold_rate_pct", 20, 30, null));
        Assert.Equal("worse", MetricDirection.Word("complaints.uphold_rate_pct", 40, 30, [new Target("complaints.uphold_rate_pct", 25, Better.Lower, 0)]));
        Assert.Null(MetricDirection.Word("training.compliance_pct", 80, null, null));
        Assert.Equal("down 1.5 points, worse", ReportEngine.Composition.ReportFormat.PointsChange(70.0, 71.5, "HIGHER"));
        Assert.Equal("up 1.5 points", ReportEngine.Composition.ReportFormat.PointsChange(71.5, 70.0));
    }

    [Fact]
    public void The_supervision_standard_needs_ninety_minutes_and_the_agency_share_counts_social_workers_only()
    {
        var evidence = new EvidenceBuilder
        {
            Staff =
            [
                Member("A", "2020-01-01"), Member("B", "2020-01-01"), Member("C", "2020-01-01", type: EmploymentType.Agency, fte: 0.5m),
                Member("D", "2020-01-01", role: "Occupational Therapist", rsw: false, type: EmploymentType.Agency),
            ],
            Supervisions =
            [
                new Supervision("A", D("2024-01-10"), 90, SupervisionKind.Case, false), // the standard, exactly
                new Supervision("B", D("2024-01-10"), 89, SupervisionKind.Case, false), // supervised, but not for 1.5 hours
                new Supervision("C", D("2024-01-10"), 120, SupervisionKind.Case, true), // cancelled
            ],
        }.Build();
        var keys = Keys(evidence);
        Assert.Equal(Ratio.Percent(1, 3), keys["supervision.standard_pct"]);
        Assert.Equal(Ratio.Percent(2, 3), keys["supervision.compliance_pct"]);
        Assert.Equal(Ratio.Percent(0.5m, 2.5m), keys["workforce.agency_fte_share_sw_pct"]);
        Assert.Equal(Ratio.Percent(1.5m, 3.5m), keys["workforce.agency_fte_share_pct"]);
    }

    [Fact]
    public void A_trend_has_24_months_ending_with_the_packs_month_and_a_month_without_data_is_null()
    {
        var evidence = new EvidenceBuilder
        {
            Complaints = [Complaint("2023-06-01", due: "2023-06-20", responded: "2023-06-10"), Complaint("2023-09-01", due: "2023-09-20", responded: "2023-09-25")],
        }.Build();
        var keys = Keys(evidence);
        var trend = keys.Where(k => k.Key.StartsWith("trend.complaints.response_on_time_pct.", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, trend.Count);
        Assert.Equal("trend.complaints.response_on_time_pct.2022-02", trend[0].Key);
        Assert.Equal("trend.complaints.response_on_time_pct.2024-01", trend[^1].Key);
        Assert.Equal(new NumberValue(null), keys["trend.complaints.response_on_time_pct.2023-05"]); // nothing answered yet
        Assert.Equal(new NumberValue(100), keys["trend.complaints.response_on_time_pct.2023-06"]);
        Assert.Equal(new NumberValue(50), keys["trend.complaints.response_on_time_pct.2023-09"]);
        Assert.Equal(new NumberValue(2), keys["trend.complaints.received_12m.2024-01"]);
        // The trend's last month is the pack's own figure.
        Assert.Equal(((Ratio)keys["complaints.response_on_time_pct"]).Value, ((NumberValue)keys["trend.complaints.response_on_time_pct.2024-01"]).Value);
        Assert.Equal(8 * 24, keys.Keys.Count(k => k.StartsWith("trend.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Attention_counts_self_scores_above_cqc_and_overdue_actions_marked_green()
    {
        static QualityStatementScore Score(AssessmentKind kind, QualityStatement qs, int score, string on) => new($"{kind}-{on}", kind, D(on), qs, score, null);
        var evidence = new EvidenceBuilder
        {
            Scores =
            [
                Score(AssessmentKind.Cqc, QualityStatement.Learning, 2, "2023-06-01"), Score(AssessmentKind.Self, QualityStatement.Learning, 3, "2023-10-01"),
                Score(AssessmentKind.Cqc, QualityStatement.Safeguarding, 3, "2023-06-01"), Score(AssessmentKind.Self, QualityStatement.Safeguarding, 3, "2023-10-01"),
                Score(AssessmentKind.Self, QualityStatement.AssessingNeeds, 4, "2023-10-01"), // no CQC score: not counted
                Score(AssessmentKind.Self, QualityStatement.Safeguarding, 4, "2024-02-01"),   // after E
            ],
            Actions =
            [
                new ImprovementAction("A1", null, "Green but late", "Jo", D("2023-06-01"), D("2023-12-01"), null, Rag.Green),
                new ImprovementAction("A2", null, "Red and late", "Jo", D("2023-06-01"), D("2023-12-01"), null, Rag.Red),
                new ImprovementAction("A3", null, "Green, not yet due", "Jo", D("2023-06-01"), D("2024-03-01"), null, Rag.Green),
                new ImprovementAction("A4", null, "Created after E", "Jo", D("2024-02-01"), D("2023-12-01"), null, Rag.Green),
            ],
        }.Build();
        var keys = Keys(evidence);
        Assert.Equal(new CountValue(1), keys["attention.self_above_cqc"]);
        Assert.Equal(new CountValue(1), keys["attention.green_but_overdue"]);
        Assert.Equal(new CountValue(0), Keys(new EvidenceBuilder().Build())["attention.self_above_cqc"]);
    }

    [Fact]
    public void A_trend_chart_says_from_which_month_it_is_drawn_and_is_not_drawn_with_fewer_than_two_months()
    {
        static ReportEngine.Composition.Monthly.TrendView View(params double?[] values) => ReportEngine.Composition.Monthly.TrendView.Of(
            new Trend("training.compliance_pct", PackOutlook.TrendPeriods(January).Select((m, i) => new TrendPoint(m, values[i])).ToList()), null);
        var all = Enumerable.Repeat<double?>(50, 24).ToArray();
        Assert.Null(View(all).Chart.Note);
        Assert.Equal(24, View(all).Chart.Drawn);

        var late = all.Select((v, i) => i < 3 ? null : v).ToArray();
        Assert.Equal("Drawn from May 2022: no earlier month has a figure.", View(late).Chart.Note);
        Assert.Equal(21, View(late).Spark.Drawn);

        var one = all.Select((v, i) => i == 23 ? v : null).ToArray();
        Assert.Equal("Not drawn: of the 24 months to January 2024, only January 2024 has a figure.", View(one).Chart.Note);
        Assert.Equal("Not drawn: none of the 24 months to January 2024 has a figure.", View(new double?[24]).Chart.Note);
        Assert.Equal("0\u201360%", View(all).Spark.Scale); // a nice axis above the highest value
        Assert.Equal(["Feb 22", "Jan 24"], View(all).Spark.MonthLabels.Select(m => m.Label));
    }

    [Theory]
    [InlineData("training.compliance_pct.team.Reablement East", null)]
    [InlineData("complaints.theme.DELAY", null)]
    [InlineData("readiness.cqc_band", "'readiness.cqc_band' is a band, not a number")]
    [InlineData("status.training.compliance_pct", "'status.training.compliance_pct' is derived from other figures and cannot have a target")]
    [InlineData("complaints.nonsense", "'complaints.nonsense' is not a figure of metrics.md whose value is a number")]
    public void A_target_names_a_numeric_figure_of_metrics_md(string key, string? problem) => Assert.Equal(problem, MetricCatalog.WhyNotATargetKey(key));
}
