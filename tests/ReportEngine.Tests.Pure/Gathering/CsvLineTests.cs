using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReportEngine.Gathering.Csv;

namespace ReportEngine.Tests.Gathering;

/// <summary>Each record is named by the physical line it starts on, and dates are read as the contract writes them.</summary>
public class CsvLineTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_record_after_cells_that_run_over_several_lines_is_named_at_the_line_it_starts_on(string newline)
    {
        var text = string.Join(newline,
            "id,text",                                // 1
            "F1,\"two" + newline + "lines\"",         // 2–3
            "",                                       // 4, blank
            "F2,plain",                               // 5
            "F3,\"three" + newline + "" + newline + "lines\",x", // 6–8
            "F4,\"a\"\"quote\"",                      // 9
            "F5,last") + newline;                     // 10
        using var records = CsvRecords.Open("findings.csv", new StringReader(text));
        var lines = new List<int>();
        while (records.Read()) lines.Add(records.Line);
        Assert.Empty(records.Problems.Errors);
        Assert.Equal([2, 5, 6, 9, 10], lines);
    }

    [Property(MaxTest = 2000)]
    public Property A_date_is_read_exactly_as_DateOnly_TryParseExact_reads_yyyy_MM_dd() =>
        Prop.ForAll(Dates().ToArbitrary(), text =>
        {
            var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
            var actual = IsoDate.TryParse(text, out var a);
            return actual == expected && (!expected || a == d);
        });

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-00-10", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("9999-12-31", true)]
    [InlineData(" 2024-01-01", false)]
    [InlineData("2024-1-01", false)]
    [InlineData("2024/01/01", false)]
    [InlineData("２０２４-01-01", false)] // full-width digits
    public void Boundary_dates(string text, bool valid) => Assert.Equal(valid, IsoDate.TryParse(text, out _));

    /// <summary>Text shaped like a date most of the time, with any of its characters sometimes wrong.</summary>
    private static Gen<string> Dates() =>
        Gen.OneOf(
            from y in Gen.Choose(0, 10000)
            from m in Gen.Choose(0, 13)
            from day in Gen.Choose(0, 32)
            select $"{y:0000}-{m:00}-{day:00}",
            from chars in Gen.ArrayOf(Gen.Elements("0123456789-/ x".ToCharArray()), 10)
            select new string(chars),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));
}
