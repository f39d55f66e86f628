using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ReportEngine.Gathering.Csv;

/// <summary>One CSV file's header and records, each record with the physical line it starts on.</summary>
internal sealed record CsvTable(string FileName, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<CsvRecord> Records)
{
    /// <summary>
    /// The longest cell read, in characters. Far above any real cell (a finding's text runs to a few thousand, and a
    /// three-million-character cell still prints whole); a quote that is never closed would otherwise read the rest of a
    /// file of any size into one cell (a 200 MB file took 3.2 GB).
    /// </summary>
    public const int MostCellCharacters = 10_000_000;

    public static CsvTable Parse(string fileName, TextReader reader, ErrorList errors)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
            BadDataFound = null,
            MaxFieldSize = MostCellCharacters,
            // A dataset repeats few distinct cells (dates, codes, people's ids) many times: one string each, not one per cell.
            CacheFields = true,
        };
        using var parser = new CsvParser(reader, config);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = new List<CsvRecord>();
        string[]? header = null;
        try
        {
            while (parser.Read())
            {
                var fields = parser.Record ?? [];
                var line = StartLine(parser, fields);
                if (header is null)
                {
                    header = fields;
                    for (var i = 0; i < header.Length; i++)
                    {
                        var name = header[i].Trim();
                        if (!columns.TryAdd(name, i))
                            errors.Add(new DatasetError(fileName, line, name, "column appears twice in the header"));
                    }
                    continue;
                }
                records.Add(new CsvRecord(line, fields));
            }
        }
        catch (MaxFieldSizeException)
        {
            errors.Add(new DatasetError(fileName, StartLine(parser, null), null,
                $"a cell runs on past {MostCellCharacters:N0} characters: a quote (\") opened in this row is most likely never closed"));
        }
        catch (CsvHelperException ex)
        {
            errors.Add(new DatasetError(fileName, ex.Context?.Parser?.RawRow, null, $"not valid CSV: {FirstLine(ex.Message)}"));
        }
        if (header is null) errors.Add(new DatasetError(fileName, 1, null, "the header row is missing"));
        return new CsvTable(fileName, columns, records);
    }

    // RawRow counts physical lines up to the end of the record; a quoted field may span several. A line break inside a
    // record can only be inside a quoted cell, so the cells say how many there are without the raw record's text (a
    // string made for every record otherwise). Without the cells (a record that failed to parse) the raw text is read.
    private static int StartLine(IParser parser, string[]? fields)
    {
        if (fields is null) return parser.RawRow - Breaks(parser.RawRecord.AsSpan().TrimEnd("\r\n"));
        var breaks = 0;
        foreach (var field in fields)
            if (field.AsSpan().IndexOfAny('\r', '\n') >= 0) breaks += Breaks(field);
        return parser.RawRow - breaks;
    }

    private static int Breaks(ReadOnlySpan<char> text)
    {
        var breaks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) breaks++;
        }
        return breaks;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

internal sealed record CsvRecord(int Line, string[] Fields);
