using ReportEngine.Gathering.Csv;

namespace ReportEngine.Tests.Gathering;

public class CsvCellLimitTests
{
    [Fact]
    public void A_quote_never_closed_is_named_at_the_line_it_opens_on_without_reading_the_rest_of_the_file_into_one_cell()
    {
        // A quote opened on line 3 and never closed, then 11 million more characters: the whole file would become one cell.
        var text = "finding_id,text\nF1,fine\nF2,\"opened here\n" + string.Concat(Enumerable.Repeat("more text without a closing quote, ", 320_000));
        using var records = CsvRecords.Open("findings.csv", new StringReader(text));
        while (records.Read()) { }
        var error = Assert.Single(records.Problems.Errors);
        Assert.Equal(("findings.csv", 3), (error.File, error.Line));
        Assert.Equal("a cell runs on past 10,000,000 characters: a quote (\") opened in this row is most likely never closed", error.Message);
        Assert.Equal(1, records.Count);
    }

    [Fact]
    public void A_long_cell_under_the_limit_is_read_whole()
    {
        var cell = new string('x', CsvRecords.MostCellCharacters - 10);
        using var records = CsvRecords.Open("findings.csv", new StringReader($"finding_id,text\nF1,\"{cell}\"\n"));
        Assert.True(records.Read());
        Assert.Equal(cell, records.Fields[1]);
        Assert.False(records.Read());
        Assert.Empty(records.Problems.Errors);
    }
}
