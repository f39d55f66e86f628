using System.Text.Json;
using ReportEngine.Evidence;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.Rendering;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>
/// coverage.md: a figure is covered when each event file it reads covers every day of its window. For each window family
/// the boundary days: covered when the file starts on the window's first day (or ends on its last), not one day later
/// (or earlier).
/// </summary>
public class FigureCoverageTests
{
    private static readonly ReportingPeriod March2024 = new(2024, 3);

    /// <summary>A dataset whose <paramref name="file"/> covers [from, to] (either open) and nothing else is said.</summary>
    private static DatasetCoverage Covering(string file, string? from, string? to) =>
        DatasetCoverage.Of(new EvidenceBuilder().Build() with
        {
            Coverage = [new FileCoverage(file, from is null ? null : D(from), to is null ? null : D(to))],
        });

    private static bool Covered(string key, string file, string? from, string? to, ReportingPeriod? month = null) =>
        new FigureCoverage(Covering(file, from, to), month ?? March2024).Covers(key);

    [Theory]
    // R12: April 2023 to March 2024
    [InlineData("complaints.received_12m", "complaints.csv", "2023-04-01", null, true)]
    [InlineData("complaints.received_12m", "complaints.csv", "2023-04-02", null, false)]
    [InlineData("complaints.received_12m", "complaints.csv", null, "2024-03-31", true)]
    [InlineData("complaints.received_12m", "complaints.csv", null, "2024-03-30", false)]
    // P12: April 2022 to March 2023
    [InlineData("complaints.received_prev_12m", "complaints.csv", "2022-04-01", "2023-03-31", true)]
    [InlineData("complaints.received_prev_12m", "complaints.csv", "2022-04-02", null, false)]
    [InlineData("complaints.received_prev_12m", "complaints.csv", null, "2023-03-30", false)]
    // M
    [InlineData("complaints.received_month", "complaints.csv", "2024-03-01", "2024-03-31", true)]
    [InlineData("complaints.received_month", "complaints.csv", "2024-03-02", null, false)]
    [InlineData("complaints.received_month", "complaints.csv", null, "2024-03-30", false)]
    // [E − 30 days, E]: 1 to 31 March; the supervision file that stops on 29 February
    [InlineData("supervision.compliance_pct", "supervision.csv", "2024-03-01", null, true)]
    [InlineData("supervision.compliance_pct", "supervision.csv", "2024-03-02", null, false)]
    [InlineData("supervision.compliance_pct", "supervision.csv", null, "2024-02-29", false)]
    [InlineData("supervision.standard_pct", "supervision.csv", null, "2024-03-30", false)]
    // [E − 91 days, E]: 31 December 2023 to 31 March 2024
    [InlineData("supervision.reflective_pct", "supervision.csv", "2023-12-31", null, true)]
    [InlineData("supervision.reflective_pct", "supervision.csv", "2024-01-01", null, false)]
    // at E: the single day 31 March
    [InlineData("complaints.open_at_end", "complaints.csv", "2024-03-31", "2024-03-31", true)]
    [InlineData("complaints.open_at_end", "complaints.csv", null, "2024-03-30", false)]
    [InlineData("training.compliance_pct", "staff.csv", null, "2024-03-31", true)]
    [InlineData("training.compliance_pct", "staff.csv", null, "2024-03-30", false)] // who was active at E
    [InlineData("waits.waiting.CARE_ACT_ASSESSMENT", "waits.csv", null, "2024-03-30", false)]
    [InlineData("dols.longest_wait_days", "dols_applications.csv", null, "2024-03-31", true)]
    // a concern in R12 is a repeat by the twelve months before it: April 2022 onwards
    [InlineData("safeguarding.repeat_concern_pct_12m", "safeguarding_concerns.csv", "2022-04-01", null, true)]
    [InlineData("safeguarding.repeat_concern_pct_12m", "safeguarding_concerns.csv", "2022-04-02", null, false)]
    // a file the figure does not read
    [InlineData("complaints.received_12m", "supervision.csv", null, "2020-01-01", true)]
    // the Ombudsman's own yearly figures
    [InlineData("lgsco.uphold_rate_pct.2023-24", "complaints.csv", "2024-03-01", null, true)]
    public void Each_window_is_covered_from_its_first_day_to_its_last_and_not_one_day_less(string key, string file, string? from, string? to, bool covered) =>
        Assert.Equal(covered, Covered(key, file, from, to));

    [Theory]
    // A trend month has the window of that month's figure: received in the twelve months to April 2022 reads from May 2021.
    [InlineData("trend.complaints.received_12m.2022-04", "2021-05-01", true)]
    [InlineData("trend.complaints.received_12m.2022-04", "2021-05-02", false)]
    [InlineData("trend.complaints.received_12m.2023-01", "2022-02-01", true)]
    [InlineData("trend.complaints.received_12m.2022-12", "2022-02-01", false)]
    // A count of one month of R12 has that month's window.
    [InlineData("complaints.received_by_month.2023-04", "2023-04-01", true)]
    [InlineData("complaints.received_by_month.2023-04", "2023-04-02", false)]
    [InlineData("complaints.received_by_month.2023-05", "2023-04-02", true)]
    public void A_figure_for_another_month_has_that_months_window(string key, string from, bool covered) =>
        Assert.Equal(covered, Covered(key, "complaints.csv", from, null));

    [Fact]
    public void The_year_earlier_figure_and_the_annual_reports_business_year_have_their_own_months_windows()
    {
        var data = Covering("complaints.csv", "2022-04-01", null);
        Assert.True(new FigureCoverage(data, March2024).Covers("complaints.uphold_rate_pct"));
        Assert.True(new FigureCoverage(data, March2024.Shift(-12)).Covers("complaints.uphold_rate_pct")); // year earlier: April 2022 to March 2023
        Assert.False(new FigureCoverage(data, March2024.Shift(-13)).Covers("complaints.uphold_rate_pct"));

        // The annual report for 2023-24 is computed for March 2024: its R12 is the business year.
        var evidence = new EvidenceBuilder().Build() with { Coverage = [new FileCoverage("complaints.csv", D("2023-04-02"), null)] };
        Assert.True(PeriodType.BusinessYear.TryParse("2023-24", out var year));
        var annual = AnnualComplaintsFigures.Compute(evidence, year);
        Assert.Equal(["complaints.csv"], annual.Coverage.Uncovered("complaints.withdrawn_12m"));
        var whole = AnnualComplaintsFigures.Compute(evidence with { Coverage = [new FileCoverage("complaints.csv", D("2023-04-01"), null)] },
            year);
        Assert.Empty(whole.Coverage.Uncovered("complaints.withdrawn_12m"));
    }

    [Fact]
    public void A_missing_covers_to_is_extracted_on_and_a_file_without_a_row_is_open_at_its_start()
    {
        var evidence = new EvidenceBuilder().Build() with
        {
            Authority = new Authority("TST", "Test Council", CouncilType.Unitary, 200_000, ExtractedOn: D("2024-03-30")),
            Coverage = [new FileCoverage("complaints.csv", D("2020-01-01"), null)],
        };
        var data = DatasetCoverage.Of(evidence);
        Assert.Equal(new FileSpan(D("2020-01-01"), D("2024-03-30")), data.Of("complaints.csv"));
        Assert.Equal(new FileSpan(null, D("2024-03-30")), data.Of("staff.csv"));
        Assert.False(new FigureCoverage(data, March2024).Covers("workforce.agency_fte_share_pct"));
        Assert.True(new FigureCoverage(data, March2024.Shift(-1)).Covers("workforce.agency_fte_share_pct"));
    }

    [Fact]
    public void Without_coverage_csv_or_extracted_on_every_figure_is_covered_and_metrics_json_is_as_before()
    {
        var evidence = new EvidenceBuilder().Build();
        Assert.Same(DatasetCoverage.Complete, DatasetCoverage.Of(evidence));
        var json = JsonDocument.Parse(MetricsJson.Serialize(Identity("2024-03"), MonthlyFigures.Compute(evidence, March2024))).RootElement;
        Assert.False(json.TryGetProperty("coverage", out _));
        Assert.DoesNotContain(json.GetProperty("metrics").EnumerateObject(), m => m.Value.TryGetProperty("uncovered", out _));
    }

    [Fact]
    public void In_metrics_json_an_uncovered_figure_has_no_value_no_parts_and_no_status_and_its_uncovered_months_leave_the_trend()
    {
        var evidence = new EvidenceBuilder
        {
            Authority = new Authority("TST", "Test Council", CouncilType.Unitary, 200_000, ExtractedOn: D("2024-04-01")),
            Staff = [Member("S1", "2020-01-01")],
            Supervisions = [new Supervision("S1", D("2024-02-20"), 90, SupervisionKind.Case, false)],
            Targets = [new Target("supervision.compliance_pct", 90, Better.Higher, 5), new Target("complaints.received_12m", 10, Better.Lower, 0)],
        }.Build() with { Coverage = [new FileCoverage("supervision.csv", null, D("2024-02-29")), new FileCoverage("complaints.csv", D("2022-02-01"), null)] };

        var json = JsonDocument.Parse(MetricsJson.Serialize(Identity("2024-03"), MonthlyFigures.Compute(evidence, March2024))).RootElement;
        var metrics = json.GetProperty("metrics");

        var supervision = metrics.GetProperty("supervision.compliance_pct");
        Assert.Equal(JsonValueKind.Null, supervision.GetProperty("value").ValueKind);
        Assert.Equal(["supervision.csv"], supervision.GetProperty("uncovered").EnumerateArray().Select(f => f.GetString()));
        Assert.False(supervision.TryGetProperty("numerator", out _));
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("status.supervision.compliance_pct").GetProperty("value").ValueKind);
        Assert.Equal("GREEN", metrics.GetProperty("status.complaints.received_12m").GetProperty("value").GetString());
        // The reflective figure reads 91 days, supervision.csv ends a month early: not covered either; cancellations over R12 neither.
        Assert.True(metrics.GetProperty("supervision.reflective_pct").TryGetProperty("uncovered", out _));
        Assert.True(metrics.GetProperty("supervision.cancellation_rate_pct").TryGetProperty("uncovered", out _));
        // Who was active at E comes from staff.csv, which runs to extracted_on: covered.
        Assert.False(metrics.GetProperty("workforce.agency_fte_share_pct").TryGetProperty("uncovered", out _));

        // Complaints recorded from February 2022: the 24-month trend of received_12m starts with January 2023, the first
        // month whose twelve months are all recorded; the months before have no value.
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("trend.complaints.received_12m.2022-12").GetProperty("value").ValueKind);
        Assert.Equal(["complaints.csv"], metrics.GetProperty("trend.complaints.received_12m.2022-12").GetProperty("uncovered").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(0, metrics.GetProperty("trend.complaints.received_12m.2023-01").GetProperty("value").GetDouble());
        // Supervision's trend stops with February.
        Assert.Equal(100, metrics.GetProperty("trend.supervision.compliance_pct.2024-02").GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("trend.supervision.compliance_pct.2024-03").GetProperty("value").ValueKind);

        var coverage = json.GetProperty("coverage");
        Assert.Equal("2024-04-01", coverage.GetProperty("extracted_on").GetString());
        Assert.Equal("2022-02-01", coverage.GetProperty("complaints.csv").GetProperty("from").GetString());
        Assert.Equal("2024-04-01", coverage.GetProperty("complaints.csv").GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, coverage.GetProperty("supervision.csv").GetProperty("from").ValueKind);
        Assert.Equal("2024-02-29", coverage.GetProperty("supervision.csv").GetProperty("to").GetString());
        Assert.Equal("2024-04-01", coverage.GetProperty("staff.csv").GetProperty("to").GetString()); // no row: up to extracted_on
        Assert.False(coverage.TryGetProperty("waits.csv", out _)); // not in this dataset
    }

    [Fact]
    public async Task Every_figure_of_every_kind_and_every_key_a_target_may_name_declares_what_it_reads()
    {
        var evidence = (await new DatasetFolderSource(Repo.Sample).GatherAsync()).Evidence with
        {
            Coverage = [new FileCoverage("complaints.csv", D("2022-02-01"), null)],
        };
        var undeclared = new List<string>();
        foreach (var kind in ReportKinds.Standard.All)
        {
            Assert.True(kind.PeriodType.TryParse(kind.PeriodType == PeriodType.BusinessYear ? "2023-24" : "2024-01", out var period));
            foreach (var statement in kind.TakesStatement ? Enum.GetValues<QualityStatement>().Select(q => (QualityStatement?)q) : [null])
            {
                var figures = kind.Compute(evidence, ReportIdentity.Of("NDC", kind, period, statement));
                undeclared.AddRange(figures.ByKey().Select(k => k.Key).Where(k => !k.StartsWith("status.", StringComparison.Ordinal) && Declared(figures.Coverage!, k) is false));
            }
        }
        Assert.Empty(undeclared.Distinct());
    }

    private static bool Declared(FigureCoverage coverage, string key)
    {
        try { coverage.Uncovered(key); return true; }
        catch (InvalidOperationException) { return false; }
    }

    private static ReportIdentity Identity(string month)
    {
        Assert.True(PeriodType.Month.TryParse(month, out var period));
        return ReportIdentity.Of("TST", ReportKinds.Monthly, period);
    }
}
