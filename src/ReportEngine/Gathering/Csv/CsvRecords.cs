using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ReportEngine.Gathering.Csv;

/// <summary>
/// One CSV file read a record at a time: its header on opening, then each record with the physical line it starts on.
/// A record is dropped once the next is read, so a file's cells are never all held at once: at tens of millions of cells,
/// holding them until every record was read made the garbage collector copy them twice before they died.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    /// <summary>
    /// The longest cell read, in characters. Far above any real cell (a finding's text runs to a few thousand, and a
    /// three-million-character cell still prints whole); a quote that is never closed would otherwise read the rest of a
    /// file of any size into one cell (a 200 MB file took 3.2 GB).
    /// </summary>
    public const int MostCellCharacters = 10_000_000;

    private readonly CsvParser _parser;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private bool _ended;

    private CsvRecords(string fileName, TextReader reader)
    {
        FileName = fileName;
        _parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
            BadDataFound = null,
            MaxFieldSize = MostCellCharacters,
            // A dataset repeats few distinct cells (dates, codes, people's ids) many times: one string each, not one per cell.
            CacheFields = true,
        });
    }

    public string FileName { get; }

    /// <summary>The header's columns by name: empty when the file has no header.</summary>
    public IReadOnlyDictionary<string, int> Columns => _columns;

    /// <summary>What is wrong with the file as CSV (its header, text that does not parse), as opposed to its values.</summary>
    public ErrorList Problems { get; } = new();

    /// <summary>The records read so far.</summary>
    public int Count { get; private set; }

    /// <summary>The physical line the current record starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The current record's cells, until the next is read.</summary>
    public ReadOnlySpan<string> Fields => _fields.AsSpan(0, _count);

    /// <summary>
    /// The cells of the current record, in an array kept from record to record: one array made for each record was a
    /// tenth of what reading a dataset allocated (issue 26).
    /// </summary>
    private string[] _fields = [];
    private int _count;

    /// <summary>Opens a file and reads its header; a file without one reads as having no records.</summary>
    public static CsvRecords Open(string fileName, TextReader reader)
    {
        var records = new CsvRecords(fileName, reader);
        if (!records.Next())
        {
            records.Problems.Add(new DatasetError(fileName, 1, null, "the header row is missing"));
            return records;
        }
        for (var i = 0; i < records.Fields.Length; i++)
        {
            var name = records.Fields[i].Trim();
            if (!records._columns.TryAdd(name, i))
                records.Problems.Add(new DatasetError(fileName, records.Line, name, "column appears twice in the header"));
        }
        return records;
    }

    /// <summary>Moves to the next record; false at the end of the file or where it stops being CSV (a problem then says where).</summary>
    public bool Read()
    {
        if (!Next()) return false;
        Count++;
        return true;
    }

    private bool Next()
    {
        if (_ended) return false;
        try
        {
            if (_parser.Read())
            {
                _count = _parser.Count;
                if (_fields.Length < _count) _fields = new string[_count];
                for (var i = 0; i < _count; i++) _fields[i] = _parser[i];
                Line = StartLine(_parser, Fields);
                return true;
            }
        }
        catch (MaxFieldSizeException)
        {
            Problems.Add(new DatasetError(FileName, StartLineOfBrokenRecord(_parser), null,
                $"a cell runs on past {MostCellCharacters:N0} characters: a quote (\") opened in this row is most likely never closed"));
        }
        catch (CsvHelperException ex)
        {
            Problems.Add(new DatasetError(FileName, ex.Context?.Parser?.RawRow, null, $"not valid CSV: {FirstLine(ex.Message)}"));
        }
        _ended = true;
        _count = 0;
        return false;
    }

    public void Dispose() => _parser.Dispose();

    // RawRow counts physical lines up to the end of the record; a quoted field may span several. A line break inside a
    // record can only be inside a quoted cell, so the cells say how many there are without the raw record's text (a
    // string made for every record otherwise). Without the cells (a record that failed to parse) the raw text is read.
    private static int StartLine(IParser parser, ReadOnlySpan<string> fields)
    {
        var breaks = 0;
        foreach (var field in fields)
            if (field.AsSpan().IndexOfAny('\r', '\n') >= 0) breaks += Breaks(field);
        return parser.RawRow - breaks;
    }

    private static int StartLineOfBrokenRecord(IParser parser) => parser.RawRow - Breaks(parser.RawRecord.AsSpan().TrimEnd("\r\n"));

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
