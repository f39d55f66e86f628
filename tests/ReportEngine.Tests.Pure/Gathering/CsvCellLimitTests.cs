using ReportEngine.Gathering.Csv;

namespace ReportEngine.Tests.Gathering;

public class CsvCellLimitTests
{
    [Fact]
    public void A_quote_never_closed_is_named_at_the_line_it_opens_on_without_reading_the_rest_of_the_file_into_one_cell()
    {
        // A quote opened on line 3 and never closed, then 11 million more characters: the whole file would become one cell.
        var text = "finding_id,text\nF1,fine\nF2,\"opened here\n" + string.Concat(Enumerable.Repeat("more text without a closing quote, ", 320_000));
        var errors = new ErrorList();
        var table = CsvTable.Parse("findings.csv", new StringReader(text), errors);
        var error = Assert.Single(errors.Errors);
        Assert.Equal(("findings.csv", 3), (error.File, error.Line));
        Assert.Equal("a cell runs on past 10,000,000 characters: a quote (\") opened in this row is most likely never closed", error.Message);
        Assert.Single(table.Records);
    }

    [Fact]
    public void A_long_cell_under_the_limit_is_read_whole()
    {
        var cell = new string('x', CsvTable.MostCellCharacters - 10);
        var errors = new ErrorList();
        var table = CsvTable.Parse("findings.csv", new StringReader($"finding_id,text\nF1,\"{cell}\"\n"), errors);
        Assert.Empty(errors.Errors);
        Assert.Equal(cell, table.Records.Single().Fields[1]);
    }
}
