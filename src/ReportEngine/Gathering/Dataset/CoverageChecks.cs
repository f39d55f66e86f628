using ReportEngine.Gathering.Csv;

namespace ReportEngine.Gathering.Dataset;

/// <summary>
/// coverage.md's checks of coverage.csv against the rest of the dataset: each row names an event file that the dataset
/// has, and no file twice; no file covers a day after the data was extracted (authority.csv's <c>extracted_on</c>).
/// </summary>
internal sealed class CoverageChecks(ErrorList errors)
{
    public void Check(DatasetRows rows)
    {
        var file = CoverageTables.Coverage.FileName;
        var events = DatasetFiles.All.Where(f => f.Events).Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        var coverage = rows.Of(CoverageTables.Coverage);
        var extractedOn = rows.Of(ContractTables.Authority).Select(a => a.Row.ExtractedOn).FirstOrDefault();
        foreach (var (line, row) in coverage)
        {
            if (!events.Contains(row.File)) errors.Add(new DatasetError(file, line, "file", $"'{row.File}' is not an event file"));
            else if (!rows.Supplied.Contains(row.File)) errors.Add(new DatasetError(file, line, "file", $"'{row.File}' is not in the dataset"));
            if (row.CoversTo > extractedOn)
                errors.Add(new DatasetError(file, line, "covers_to", $"{row.CoversTo:yyyy-MM-dd} is after the day the data was extracted ({extractedOn:yyyy-MM-dd}, authority.csv)"));
        }
        new CrossFileChecks(errors).Unique(file, coverage, c => c.File, "file", k => $"file '{k}'");
    }
}
