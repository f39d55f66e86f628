using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Metrics;

namespace ReportEngine.Tests.Kinds;

public class EndedPeriodTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string? WhyNot(string utc, string period, PeriodType? type = null)
    {
        Assert.True((type ?? PeriodType.Month).TryParse(period, out var parsed));
        return new EndedPeriods(new At(DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture)), London).WhyNot(parsed);
    }

    [Fact]
    public void A_month_may_be_reported_from_the_first_moment_of_the_next_day_in_London_and_not_before()
    {
        // November is GMT: London's day is UTC's.
        Assert.Equal("November 2026 has not ended (today is 30 November 2026 in Europe/London); a report is made only for a period that has ended, from 1 December 2026",
            WhyNot("2026-11-30T23:59:59", "2026-11"));
        Assert.Null(WhyNot("2026-12-01T00:00:00", "2026-11"));
        // June is BST: at 23:30 UTC on 30 June it is already 1 July in London.
        Assert.NotNull(WhyNot("2026-06-30T22:59:59", "2026-06"));
        Assert.Null(WhyNot("2026-06-30T23:00:00", "2026-06"));
    }

    [Theory]
    [InlineData("2026-12")] // the month still running
    [InlineData("2030-06")]
    [InlineData("9998-12")]
    public void A_month_that_has_not_ended_is_refused(string period) =>
        Assert.Contains("has not ended (today is 5 December 2026 in Europe/London)", WhyNot("2026-12-05T09:00:00", period));

    [Fact]
    public void A_business_year_is_refused_until_the_first_of_April_after_it()
    {
        Assert.NotNull(WhyNot("2026-12-05T09:00:00", "2026-27", PeriodType.BusinessYear));
        Assert.NotNull(WhyNot("2026-12-05T09:00:00", "2099-00", PeriodType.BusinessYear));
        Assert.NotNull(WhyNot("2027-03-31T22:59:59", "2026-27", PeriodType.BusinessYear)); // 23:59:59 BST on 31 March
        Assert.Null(WhyNot("2027-03-31T23:00:00", "2026-27", PeriodType.BusinessYear));
        Assert.Null(WhyNot("2026-12-05T09:00:00", "2025-26", PeriodType.BusinessYear));
    }

    [Theory]
    [InlineData("0001-01", "'0001-01' is outside the years 1971 to 9998 the engine's calendar computes")]
    [InlineData("1970-12", "'1970-12' is outside the years 1971 to 9998 the engine's calendar computes")]
    [InlineData("9999-12", "'9999-12' is outside the years 1971 to 9998 the engine's calendar computes")]
    [InlineData("2024-13", "'2024-13' is not a month like 2024-01 (YYYY-MM), as a monthly report needs")]
    public void A_period_outside_the_calendar_is_refused_by_its_field_before_anything_is_asked_of_the_data(string period, string problem)
    {
        var parsed = new ReportFields("NDC", "monthly", period).Parse(ReportKinds.Standard);
        Assert.Equal(problem, parsed.Errors[ReportFields.PeriodField]);
    }

    [Theory]
    [InlineData("1971-01")]
    [InlineData("9998-12")]
    public void The_first_and_last_months_of_the_calendar_are_periods(string period) =>
        Assert.True(new ReportFields("NDC", "monthly", period).Parse(ReportKinds.Standard).IsValid);
}
