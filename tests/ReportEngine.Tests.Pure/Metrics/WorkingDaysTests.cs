using ReportEngine.Evidence;
using ReportEngine.Metrics;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

public class WorkingDaysTests
{
    private static readonly BankHolidayCalendar England = BankHolidayCalendar.EnglandAndWales;

    [Theory]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_sunday_follows_the_gregorian_computus(int year, string expected) =>
        Assert.Equal(D(expected), EnglandAndWalesRules.EasterSunday(year));

    [Theory]
    [InlineData("2024-03-29", true)]  // Good Friday
    [InlineData("2024-04-01", true)]  // Easter Monday
    [InlineData("2022-12-26", true)]  // Boxing Day, Monday
    [InlineData("2022-12-27", true)]  // Christmas Day (a Sunday) substituted
    [InlineData("2021-12-27", true)]  // Christmas on Saturday, Boxing Day on Sunday
    [InlineData("2021-12-28", true)]
    [InlineData("2023-05-08", true)]  // Coronation
    [InlineData("2022-06-02", true)]  // Spring bank holiday moved for the Platinum Jubilee
    [InlineData("2022-06-03", true)]
    [InlineData("2022-05-30", false)] // ...so the last Monday of May 2022 was a working day
    [InlineData("2022-09-19", true)]  // State funeral
    [InlineData("2024-01-01", true)]
    [InlineData("2023-01-02", true)]  // New Year's Day on a Sunday
    [InlineData("2024-03-28", false)]
    public void England_and_wales_bank_holidays(string day, bool holiday) => Assert.Equal(holiday, England.IsBankHoliday(D(day)));

    [Fact]
    public void Working_days_count_after_a_up_to_and_including_b_across_easter() =>
        // 29 Mar Good Friday, 30-31 weekend, 1 Apr Easter Monday: only 2 April counts.
        Assert.Equal(1, WorkingDays.Between(D("2024-03-28"), D("2024-04-02"), England));

    [Fact]
    public void Working_days_across_christmas()
    {
        Assert.Equal(3, WorkingDays.Between(D("2022-12-23"), D("2022-12-30"), England));
        Assert.Equal(0, WorkingDays.Between(D("2024-01-10"), D("2024-01-10"), England));
        Assert.Equal(0, WorkingDays.Between(D("2024-01-10"), D("2024-01-09"), England));
    }

    [Theory]
    [InlineData("2024-03-28", "2024-04-04")] // Thursday before Easter
    [InlineData("2022-12-23", "2022-12-30")] // Friday before Christmas 2022
    [InlineData("2024-01-10", "2024-01-15")] // Wednesday: Thu, Fri, Mon
    [InlineData("2024-01-13", "2024-01-17")] // Saturday: Mon, Tue, Wed
    public void Acknowledgement_deadline_is_the_third_working_day_after_receipt(string received, string deadline) =>
        Assert.Equal(D(deadline), WorkingDays.AcknowledgementDeadline(D(received), England));

    [Fact]
    public void A_dataset_list_replaces_the_engines_own_holidays()
    {
        var calendar = BankHolidayCalendar.FromDates([D("2024-01-11")]);
        Assert.True(calendar.IsBankHoliday(D("2024-01-11")));
        Assert.False(calendar.IsBankHoliday(D("2024-01-01")));
        Assert.Equal(D("2024-01-16"), WorkingDays.AcknowledgementDeadline(D("2024-01-10"), calendar));
    }

    [Fact]
    public void Counting_and_deadlines_stop_at_the_last_day_of_the_calendar()
    {
        // 9999-12-24 is a Friday; the 27th (Monday) and 28th are the Christmas and Boxing Day holidays, 29th–31st work.
        Assert.Equal(3, WorkingDays.Between(D("9999-12-24"), DateOnly.MaxValue, England));
        Assert.Equal(DateOnly.MaxValue, WorkingDays.AcknowledgementDeadline(D("9999-12-30"), England));
        Assert.Equal(0, WorkingDays.Between(DateOnly.MaxValue, DateOnly.MaxValue, England));
    }

    [Theory]
    [InlineData("0001-06-15", -12, "0001-01-01")] // twelve months before runs past the first day: it stops there
    [InlineData("0002-01-01", -12, "0001-01-01")]
    [InlineData("0002-02-28", -12, "0001-02-28")]
    [InlineData("9999-06-30", 6, "9999-12-30")]
    [InlineData("9999-07-01", 6, "9999-12-31")]   // six months after runs past the last day: it stops there
    [InlineData("2024-08-31", 6, "2025-02-28")]   // the last day of a shorter month, as DateOnly.AddMonths
    [InlineData("2024-01-31", 200_000, "9999-12-31")] // renewal_months has no upper bound in the contract; .NET takes 120,000 at most
    [InlineData("2024-01-31", int.MaxValue, "9999-12-31")]
    [InlineData("2024-01-31", -200_000, "0001-01-01")]
    [InlineData("2024-01-31", int.MinValue, "0001-01-01")]
    [InlineData("0001-01-01", 119_987, "9999-12-01")] // the longest step the calendar holds, either way
    [InlineData("9999-12-31", -119_987, "0001-01-31")]
    public void Months_are_added_within_the_calendar(string date, int months, string expected) =>
        Assert.Equal(D(expected), CalendarEnds.AddMonths(D(date), months));

    [Theory]
    [InlineData("0001-01-05", -10, "0001-01-01")]
    [InlineData("9999-12-25", 30, "9999-12-31")]
    [InlineData("2024-02-28", 2, "2024-03-01")]
    [InlineData("2024-02-28", int.MaxValue, "9999-12-31")]
    [InlineData("2024-02-28", int.MinValue, "0001-01-01")]
    public void Days_are_added_within_the_calendar(string date, int days, string expected) =>
        Assert.Equal(D(expected), CalendarEnds.AddDays(D(date), days));
}
