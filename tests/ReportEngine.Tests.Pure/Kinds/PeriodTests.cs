using ReportEngine.Metrics;
using ReportEngine.Kinds;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Kinds;

public class PeriodTests
{
    [Theory]
    [InlineData("2023-24", "2023-04-01", "2024-03-31", "2024-03", "2022-23")]
    [InlineData("1999-00", "1999-04-01", "2000-03-31", "2000-03", "1998-99")]
    [InlineData("2000-01", "2000-04-01", "2001-03-31", "2001-03", "1999-00")]
    [InlineData("2099-00", "2099-04-01", "2100-03-31", "2100-03", "2098-99")]
    [InlineData("2098-99", "2098-04-01", "2099-03-31", "2099-03", "2097-98")]
    [InlineData("2027-28", "2027-04-01", "2028-03-31", "2028-03", "2026-27")] // ends on 31 March of a leap year
    public void A_business_year_runs_from_1_April_to_31_March_across_centuries(string text, string start, string end, string lastMonth, string previous)
    {
        Assert.True(PeriodType.BusinessYear.TryParse(text, out var year));
        Assert.Equal((D(start), D(end)), (year.Start, year.End));
        Assert.Equal(lastMonth, year.LastMonth.ToString());
        Assert.Equal(previous, year.Previous.ToString());
        Assert.Equal(text, year.ToString());
        Assert.Equal(year, year.Previous.Shift(1));
    }

    [Theory]
    [InlineData("2023-25")]
    [InlineData("2023-2024")]
    [InlineData("23-24")]
    [InlineData("2023-4")]
    [InlineData("2099-01")]
    [InlineData("2023/24")]
    [InlineData(" 2023-24")]
    [InlineData("2023-24 ")]
    [InlineData("٢٠٢٣-٢٤")] // other scripts' digits are not digits here
    [InlineData("9999-00")] // would end after the last date there is
    [InlineData("0000-01")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_business_year(string? text) => Assert.False(PeriodType.BusinessYear.TryParse(text, out _));

    [Theory]
    [InlineData("2024-01", "2024-01-01", "2024-01-31", "2023-12")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "2024-01")]
    [InlineData("2000-01", "2000-01-01", "2000-01-31", "1999-12")]
    public void A_month_is_a_calendar_month(string text, string start, string end, string previous)
    {
        Assert.True(PeriodType.Month.TryParse(text, out var month));
        Assert.Equal((D(start), D(end)), (month.Start, month.End));
        Assert.Equal(previous, month.Previous.ToString());
        Assert.Equal(text, month.LastMonth.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-1")]
    [InlineData("2023-24")]
    [InlineData("24-01")]
    public void Anything_else_is_not_a_month(string text) => Assert.False(PeriodType.Month.TryParse(text, out _));

    [Fact]
    public void Words_for_people()
    {
        Assert.Equal("January 2024", PeriodType.Month.Containing(D("2024-01-15")).Words);
        Assert.Equal("2023-24 (April 2023 to March 2024)", PeriodType.BusinessYear.Containing(D("2024-03-31")).Words);
        Assert.Equal("'2023-25' is not a business year like 2023-24 (YYYY-YY)", PeriodType.BusinessYear.Refusal("2023-25"));
    }

    [Theory]
    [InlineData("2024-05-01", "2023-24")]
    [InlineData("2024-04-01", "2023-24")]
    [InlineData("2024-03-31", "2022-23")]
    [InlineData("2000-01-15", "1998-99")]
    public void The_latest_business_year_ended_before_a_day(string day, string year) =>
        Assert.Equal(year, PeriodType.BusinessYear.LatestEndedBefore(D(day)).ToString());

    [Fact]
    public void A_report_identity_is_checked_and_written_one_way()
    {
        var annual = ReportIdentity.Of("NDC", ReportKinds.ComplaintsAnnual, PeriodType.BusinessYear.Containing(D("2024-01-01")));
        Assert.Equal("NDC/complaints-annual/2023-24", annual.ToString());
        Assert.Equal("NDC-2023-24-complaints-annual.pdf", annual.FileName);
        Assert.Equal(annual, ReportIdentity.TryParse("NDC/complaints-annual/2023-24", ReportKinds.Standard, out _));

        var qs = ReportIdentity.TryParse("NDC/quality-statement/2024-01/LEARNING", ReportKinds.Standard, out var problem);
        Assert.Null(problem);
        Assert.Equal("NDC-2024-01-qs-LEARNING.pdf", qs!.Value.FileName);
        Assert.Equal("LEARNING", qs.Value.Parameter);
        Assert.Equal("NDC-2024-01-monthly.pdf", ReportIdentity.TryParse("NDC/monthly/2024-01", ReportKinds.Standard, out _)!.Value.FileName);

        Assert.Null(ReportIdentity.TryParse("NDC/monthly/2023-24", ReportKinds.Standard, out problem));
        Assert.Equal("'2023-24' is not a month like 2024-01 (YYYY-MM), as a monthly report needs", problem);
        Assert.Null(ReportIdentity.TryParse("NDC/quality-statement/2024-01", ReportKinds.Standard, out problem));
        Assert.StartsWith("a quality-statement report needs a quality statement: one of ASSESSING_NEEDS, HEALTHIER_LIVES", problem);
        Assert.Null(ReportIdentity.TryParse("NDC/monthly/2024-01/LEARNING", ReportKinds.Standard, out problem));
        Assert.Equal("a monthly report takes no quality statement", problem);
        Assert.Null(ReportIdentity.TryParse("NDC/fortnightly/2024-01", ReportKinds.Standard, out problem));
        Assert.Equal("'fortnightly' is not a report kind; the kinds are monthly, complaints-annual, quality-statement", problem);
        Assert.Throws<ArgumentException>(() => ReportIdentity.Of("NDC", ReportKinds.Monthly, PeriodType.BusinessYear.Containing(D("2024-01-01"))));
    }
}
