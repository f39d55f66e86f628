using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>benchmarks.md: which published figure a report uses, and the quarter of councils a figure is in.</summary>
public class ComparisonTests
{
    private static Benchmark Row(string metric, string period, string published, decimal value = 50, BenchmarkArea area = BenchmarkArea.England,
        decimal? lower = null, decimal? median = null, decimal? upper = null) =>
        new(metric, area, area == BenchmarkArea.England ? "England" : "North East", period, value, lower, median, upper, "illustrative", D(published));

    [Theory]
    [InlineData("2024-10-30", null)]        // the day before it was published: not known yet
    [InlineData("2024-10-31", "2023-24")]   // the day it was published
    [InlineData("2024-11-01", "2023-24")]   // after
    public void The_row_used_is_the_latest_published_by_the_period_end(string asAt, string? period)
    {
        Benchmark[] rows = [Row("reviews.reviewed_12m_pct", "2022-23", "2023-10-31", 70), Row("reviews.reviewed_12m_pct", "2023-24", "2024-10-31", 71)];
        var chosen = BenchmarkChoice.Choose(rows, BenchmarkArea.England, D(asAt));
        Assert.Equal(period ?? "2022-23", chosen!.Period);
    }

    [Fact]
    public void A_figure_published_for_a_period_that_ends_after_the_reports_is_not_used()
    {
        // Published in advance of its period's end (a forecast, say): not a figure for a report that ends earlier.
        Benchmark[] rows = [Row("actions.overdue", "2024-25", "2024-06-01"), Row("actions.overdue", "2023-24", "2024-05-01", 40)];
        Assert.Equal("2023-24", BenchmarkChoice.Choose(rows, BenchmarkArea.England, D("2024-07-31"))!.Period);
        Assert.Null(BenchmarkChoice.Choose([Row("actions.overdue", "2024-07", "2024-07-01")], BenchmarkArea.England, D("2024-06-30")));
        Assert.Equal("2024-06", BenchmarkChoice.Choose([Row("actions.overdue", "2024-06", "2024-06-30")], BenchmarkArea.England, D("2024-06-30"))!.Period);
    }

    [Theory]
    // Better higher: 1 at or above the upper quartile, 2 at or above the median, 3 at or above the lower quartile, 4 below.
    [InlineData(Better.Higher, 80.0, 1)]
    [InlineData(Better.Higher, 79.999, 2)]
    [InlineData(Better.Higher, 70.0, 2)]
    [InlineData(Better.Higher, 69.999, 3)]
    [InlineData(Better.Higher, 60.0, 3)]
    [InlineData(Better.Higher, 59.999, 4)]
    // Better lower: the mirror; a value on a boundary is in the better quarter.
    [InlineData(Better.Lower, 60.0, 1)]
    [InlineData(Better.Lower, 60.001, 2)]
    [InlineData(Better.Lower, 70.0, 2)]
    [InlineData(Better.Lower, 70.001, 3)]
    [InlineData(Better.Lower, 80.0, 3)]
    [InlineData(Better.Lower, 80.001, 4)]
    public void Quartiles_at_each_boundary(Better better, double value, int quartile) =>
        Assert.Equal(quartile, BenchmarkChoice.Quartile(value, better, Row("x", "2023-24", "2024-01-01", 70, lower: 60, median: 70, upper: 80)));

    [Fact]
    public void A_figure_with_no_direction_or_no_value_or_a_row_without_quartiles_has_no_quarter()
    {
        var england = Row("x", "2023-24", "2024-01-01", 70, lower: 60, median: 70, upper: 80);
        Assert.Null(BenchmarkChoice.Quartile(75, null, england));
        Assert.Null(BenchmarkChoice.Quartile(null, Better.Higher, england));
        Assert.Null(BenchmarkChoice.Quartile(75, Better.Higher, Row("x", "2023-24", "2024-01-01", 70)));
    }

    private static readonly DateOnly PeriodEnd = D("2024-01-31");

    private static EvidenceSet Evidence(List<Benchmark> rows, List<Target>? targets = null) => new EvidenceBuilder { Published = rows, Targets = targets }.Build();

    private static Dictionary<string, object?> Keys(Comparisons comparisons) =>
        comparisons.ByKey().ToDictionary(k => k.Key, k => (object?)(k.Value switch
        {
            NumberValue n => n.Value, TextValue t => t.Value, CountValue c => c.Value, _ => null,
        }));

    [Fact]
    public void Each_area_gives_its_value_and_period_and_england_the_quarter_of_a_figure_with_a_direction()
    {
        // actions.overdue has a direction here from the council's target; the uphold rate has none.
        var evidence = Evidence(
        [
            Row("actions.overdue", "2022-23", "2023-06-01", 6, lower: 2, median: 5, upper: 9),
            Row("actions.overdue", "2022-23", "2023-06-01", 7, BenchmarkArea.Region),
            Row("actions.overdue", "2022-23", "2023-06-01", 8, BenchmarkArea.Comparators),
            Row("complaints.uphold_rate_pct", "2022-23", "2023-06-01", 85, lower: 80, median: 85, upper: 90),
        ], [new Target("actions.overdue", 0, Better.Lower, 1)]);
        KeyValuePair<string, MetricValue>[] figures =
            [new("actions.overdue", new CountValue(5)), new("complaints.uphold_rate_pct", Ratio.Percent(9, 10)), new("complaints.open_at_end", new CountValue(3))];
        var keys = Keys(Comparisons.Of(evidence, figures, PeriodEnd, null));
        Assert.Equal(6.0, keys["benchmark.actions.overdue.ENGLAND"]);
        Assert.Equal(7.0, keys["benchmark.actions.overdue.REGION"]);
        Assert.Equal(8.0, keys["benchmark.actions.overdue.COMPARATORS"]);
        Assert.Equal("2022-23", keys["benchmark_period.actions.overdue.COMPARATORS"]);
        Assert.Equal(2L, keys["quartile.actions.overdue"]); // 5 is the median: the better quarter
        Assert.Equal(85.0, keys["benchmark.complaints.uphold_rate_pct.ENGLAND"]);
        Assert.False(keys.ContainsKey("quartile.complaints.uphold_rate_pct")); // no direction: up is neither better nor worse
        Assert.DoesNotContain(keys.Keys, k => k.Contains("complaints.open_at_end", StringComparison.Ordinal)); // nothing published
    }

    [Fact]
    public void An_uncovered_figure_has_its_benchmarks_but_no_quarter()
    {
        var evidence = new EvidenceBuilder
        {
            Published = [Row("training.overdue", "2022-23", "2023-06-01", 6, lower: 2, median: 5, upper: 9)],
            Targets = [new Target("training.overdue", 0, Better.Lower, 1)],
            Coverage = [new FileCoverage("training.csv", D("2020-01-01"), D("2023-12-31"))],
        }.Build();
        var coverage = FigureCoverage.Of(evidence, new ReportingPeriod(2024, 1));
        Assert.False(coverage.Covers("training.overdue"));
        var keys = Keys(Comparisons.Of(evidence, [new("training.overdue", new CountValue(3))], PeriodEnd, coverage));
        Assert.Equal(6.0, keys["benchmark.training.overdue.ENGLAND"]);
        Assert.False(keys.ContainsKey("quartile.training.overdue"));
    }

    [Fact]
    public void A_key_with_a_variable_part_is_compared_by_its_whole_key()
    {
        // waits.* figures are better lower by their own direction (operations.md).
        var evidence = Evidence([Row("waits.over_6_months.CARE_ACT_ASSESSMENT", "2023-12", "2024-01-15", 30, lower: 10, median: 30, upper: 60)]);
        var keys = Keys(Comparisons.Of(evidence,
            [new("waits.over_6_months.CARE_ACT_ASSESSMENT", new CountValue(61)), new("waits.over_6_months.CARER_ASSESSMENT", new CountValue(1))], PeriodEnd, null));
        Assert.Equal(4L, keys["quartile.waits.over_6_months.CARE_ACT_ASSESSMENT"]);
        Assert.DoesNotContain(keys.Keys, k => k.Contains("CARER_ASSESSMENT", StringComparison.Ordinal));
    }
}
