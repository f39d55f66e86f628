using ReportEngine.Composition;
using ReportEngine.Metrics;

namespace ReportEngine.Tests.Metrics;

public class ReportFormatTests
{
    [Theory]
    [InlineData(41.25, "41.3%")]
    [InlineData(41.5254237288, "41.5%")]
    [InlineData(0.05, "0.1%")]
    [InlineData(100.0, "100.0%")]
    [InlineData(0.0, "0.0%")]
    public void Percentages_have_one_decimal_rounded_half_away_from_zero(double value, string text) => Assert.Equal(text, ReportFormat.Pct(value));

    /// <summary>The dashboard and the delivery email write metrics.json's values by the report's own rules.</summary>
    [Theory]
    [InlineData("uphold_rate_pct", "{\"value\": 41.25}", "41.3%")]
    [InlineData("uphold_rate_pct", "{\"value\": null}", "n/a")]
    [InlineData("received_r12", "{\"value\": 1234}", "1,234")]
    [InlineData("upheld_per_100k", "{\"value\": 12.25}", "12.3")]
    [InlineData("status", "\"GREEN\"", "GREEN")]
    public void Metrics_json_values_print_as_the_report_prints_them(string key, string json, string text) =>
        Assert.Equal(text, ReportFormat.Metric(key, System.Text.Json.JsonDocument.Parse(json).RootElement));

    [Fact]
    public void Undefined_values_print_as_n_a()
    {
        Assert.Equal("n/a", ReportFormat.Pct(Ratio.Percent(0, 0)));
        Assert.Equal("n/a", ReportFormat.Number(null));
        Assert.Equal("n/a", ReportFormat.Pct(double.NaN));
        Assert.Null(ReportFormat.PointsChange(Ratio.Percent(0, 0), 50.0));
    }

    [Fact]
    public void Counts_dates_months_and_changes_read_as_british_english()
    {
        Assert.Equal("1,234", ReportFormat.Count(1234));
        Assert.Equal("31 January 2024", ReportFormat.Date(new DateOnly(2024, 1, 31)));
        Assert.Equal("February 2023 to January 2024", ReportFormat.R12(new ReportingPeriod(2024, 1)));
        Assert.Equal("February 2022 to January 2023", ReportFormat.P12(new ReportingPeriod(2024, 1)));
        Assert.Equal("up 3.2 points", ReportFormat.PointsChange(50.0, 46.8));
        Assert.Equal("down 1.0 point", ReportFormat.PointsChange(49.0, 50.0));
        Assert.Equal("no change", ReportFormat.PointsChange(50.04, 49.96));
        Assert.Equal("up 14", ReportFormat.CountChange(118, 104));
    }

    [Fact]
    public void Zero_denominator_is_null_in_metrics_json()
    {
        var json = System.Text.Encoding.UTF8.GetString(ReportEngine.Rendering.MetricsJson.Serialize(
            ReportEngine.Kinds.ReportIdentity.Of("NDC", ReportEngine.Kinds.ReportKinds.Monthly, new ReportingPeriod(2024, 1)),
            PackMetrics.Compute(new Support.EvidenceBuilder().Build(), new ReportingPeriod(2024, 1))));
        Assert.Contains("\"training.compliance_pct\": {\n      \"value\": null,\n      \"numerator\": 0,\n      \"denominator\": 0\n    }", json.ReplaceLineEndings("\n"));
        Assert.Contains("\"actions.open_rag.AMBER\"", json);
        Assert.DoesNotContain("NaN", json);
    }
}
