using ReportEngine.Composition;
using ReportEngine.Metrics;

namespace ReportEngine.Tests.Metrics;

public class PackFormatTests
{
    [Theory]
    [InlineData(41.25, "41.3%")]
    [InlineData(41.5254237288, "41.5%")]
    [InlineData(0.05, "0.1%")]
    [InlineData(100.0, "100.0%")]
    [InlineData(0.0, "0.0%")]
    public void Percentages_have_one_decimal_rounded_half_away_from_zero(double value, string text) => Assert.Equal(text, PackFormat.Pct(value));

    [Fact]
    public void Undefined_values_print_as_n_a()
    {
        Assert.Equal("n/a", PackFormat.Pct(Ratio.Percent(0, 0)));
        Assert.Equal("n/a", PackFormat.Number(null));
        Assert.Equal("n/a", PackFormat.Pct(double.NaN));
        Assert.Null(PackFormat.PointsChange(Ratio.Percent(0, 0), 50.0));
    }

    [Fact]
    public void Counts_dates_months_and_changes_read_as_british_english()
    {
        Assert.Equal("1,234", PackFormat.Count(1234));
        Assert.Equal("31 January 2024", PackFormat.Date(new DateOnly(2024, 1, 31)));
        Assert.Equal("February 2023 to January 2024", PackFormat.R12(new ReportingPeriod(2024, 1)));
        Assert.Equal("February 2022 to January 2023", PackFormat.P12(new ReportingPeriod(2024, 1)));
        Assert.Equal("up 3.2 points", PackFormat.PointsChange(50.0, 46.8));
        Assert.Equal("down 1.0 point", PackFormat.PointsChange(49.0, 50.0));
        Assert.Equal("no change", PackFormat.PointsChange(50.04, 49.96));
        Assert.Equal("up 14", PackFormat.CountChange(118, 104));
    }

    [Fact]
    public void Zero_denominator_is_null_in_metrics_json()
    {
        var json = System.Text.Encoding.UTF8.GetString(MetricsJson.Serialize(
            ReportEngine.Kinds.ReportIdentity.Of("NDC", ReportEngine.Kinds.ReportKinds.Monthly, new ReportingPeriod(2024, 1)),
            PackMetrics.Compute(new Support.EvidenceBuilder().Build(), new ReportingPeriod(2024, 1))));
        Assert.Contains("\"training.compliance_pct\": {\n      \"value\": null,\n      \"numerator\": 0,\n      \"denominator\": 0\n    }", json.ReplaceLineEndings("\n"));
        Assert.Contains("\"actions.open_rag.AMBER\"", json);
        Assert.DoesNotContain("NaN", json);
    }
}
