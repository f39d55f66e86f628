using ReportEngine.Gathering.Csv;

namespace ReportEngine.Gathering.Dataset;

/// <summary>One file of the data contract: its name, its columns, and how a validated row becomes a record.</summary>
internal sealed record TableSpec<T>(string FileName, string[] Columns, Func<RowReader, T> Map, bool Optional = false)
{
    /// <summary>Rows that passed their own checks, with the line each starts on; errors go to <paramref name="errors"/>.</summary>
    public IReadOnlyList<Lined<T>> Read(CsvTable table, ErrorList errors)
    {
        var missing = Columns.Where(c => !table.Columns.ContainsKey(c)).ToList();
        foreach (var column in missing) errors.Add(new DatasetError(FileName, 1, column, "column is missing from the header"));
        if (missing.Count > 0) return [];

        var rows = new List<Lined<T>>(table.Records.Count);
        var reader = new RowReader(table, errors);
        foreach (var record in table.Records)
        {
            if (errors.IsFull) break;
            reader.MoveTo(record);
            var row = Map(reader);
            if (!reader.HasErrors) rows.Add(new Lined<T>(record.Line, row));
        }
        return rows;
    }
}

/// <summary>A record and the physical line of the file it starts on.</summary>
internal readonly record struct Lined<T>(int Line, T Row);
