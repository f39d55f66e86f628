using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

public class ComplaintMetricsTests
{
    private static readonly ReportingPeriod January2024 = new(2024, 1);

    private static ComplaintMetrics Compute(params Complaint[] complaints) =>
        ComplaintMetrics.Compute(new EvidenceBuilder { Complaints = [.. complaints] }.Build(), January2024);

    [Fact]
    public void Periods_are_the_month_the_twelve_months_ending_with_it_and_the_twelve_before()
    {
        Assert.Equal(D("2024-01-31"), January2024.End);
        Assert.Equal(D("2023-02-01"), January2024.R12Start);
        Assert.Equal(D("2022-02-01"), January2024.P12Start);
        Assert.Equal(D("2023-01-31"), January2024.P12End);
        Assert.Equal(D("2024-02-29"), new ReportingPeriod(2024, 2).End);
    }

    [Fact]
    public void Counts_by_month_window()
    {
        var m = Compute(Complaint("2024-01-31"), Complaint("2023-02-01"), Complaint("2023-01-31"), Complaint("2022-02-01"), Complaint("2024-02-01"));
        Assert.Equal(1, m.ReceivedMonth);
        Assert.Equal(2, m.Received12m);
        Assert.Equal(2, m.ReceivedPrev12m);
        Assert.Equal(12, m.ReceivedByMonth.Count);
        Assert.Equal(1, m.ReceivedByMonth[0].Count);
        Assert.Equal("2023-02", m.ReceivedByMonth[0].Month.ToString());
    }

    [Fact]
    public void A_response_after_the_period_end_is_open_at_the_end()
    {
        var m = Compute(Complaint("2024-01-05", due: "2024-01-20", responded: "2024-02-02"));
        Assert.Equal(1, m.OpenAtEnd);
        Assert.Equal(1, m.OverdueOpen);
        Assert.Equal(0m, m.RespondedOnTime.Denominator);
        Assert.Null(m.RespondedOnTime.Value);
        Assert.Null(m.MedianResponseWorkingDays);
    }

    [Fact]
    public void Acknowledgements_count_only_complaints_whose_deadline_has_passed_by_the_end()
    {
        var m = Compute(
            Complaint("2024-01-10", acknowledged: "2024-01-15"), // deadline 15 Jan: on time
            Complaint("2024-01-10", acknowledged: "2024-01-16"), // late
            Complaint("2024-01-10"),                               // never acknowledged: late
            Complaint("2024-01-29", acknowledged: "2024-01-29")); // deadline 1 Feb, after E: not counted
        Assert.Equal(1m, m.AcknowledgedOnTime.Numerator);
        Assert.Equal(3m, m.AcknowledgedOnTime.Denominator);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        // wd from Monday 8 January: 2, 5, 9 and 10 working days.
        var m = Compute(
            Complaint("2024-01-08", responded: "2024-01-10"),
            Complaint("2024-01-08", responded: "2024-01-15"),
            Complaint("2024-01-08", responded: "2024-01-19"),
            Complaint("2024-01-08", responded: "2024-01-22"));
        Assert.Equal(7.0, m.MedianResponseWorkingDays);
    }

    [Fact]
    public void Uphold_rate_leaves_out_withdrawn_and_compares_with_the_previous_twelve_months()
    {
        var m = Compute(
            Complaint("2023-06-01", responded: "2023-06-20", outcome: ComplaintOutcome.Upheld),
            Complaint("2023-06-01", responded: "2023-06-20", outcome: ComplaintOutcome.PartlyUpheld),
            Complaint("2023-06-01", responded: "2023-06-20", outcome: ComplaintOutcome.NotUpheld),
            Complaint("2023-06-01", responded: "2023-06-20", outcome: ComplaintOutcome.Withdrawn),
            Complaint("2022-06-01", responded: "2022-06-20", outcome: ComplaintOutcome.Upheld));
        Assert.Equal((2m, 3m), (m.UpholdRate.Numerator, m.UpholdRate.Denominator));
        Assert.Equal(200.0 / 3, m.UpholdRate.Value);
        Assert.Equal(100.0, m.UpholdRatePrevious.Value);
    }

    [Fact]
    public void Themes_count_complaints_received_in_the_twelve_months()
    {
        var m = Compute(Complaint("2023-06-01", themes: "DELAY;CHARGING"), Complaint("2023-07-01", themes: "DELAY"), Complaint("2022-07-01", themes: "COMMUNICATION"));
        Assert.Equal([new ThemeCount("DELAY", 2), new ThemeCount("CHARGING", 1)], m.Themes);
    }
}
