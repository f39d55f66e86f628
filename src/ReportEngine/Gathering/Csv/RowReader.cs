using System.Globalization;
using ReportEngine.Evidence;

namespace ReportEngine.Gathering.Csv;

/// <summary>Typed, validating access to the current record's cells; every problem is recorded against file, line and column.</summary>
internal sealed class RowReader(CsvRecords records, ErrorList errors) : Dataset.IRowValues
{
    /// <summary>How many different lists of codes a file's reader keeps: a file of distinct lists is not held twice over.</summary>
    private const int MaxCodeLists = 4096;

    private readonly Dictionary<string, string[]> _codeLists = new(StringComparer.Ordinal);

    /// <summary>How many column names a reader remembers (<see cref="IndexOf"/>): a file's declaration has fewer.</summary>
    private const int MaxPlaces = 32;

    private (string Name, int Index)[] _places = [];

    public bool HasErrors { get; private set; }

    /// <summary>Moves to the file's next record.</summary>
    public bool Read()
    {
        HasErrors = false;
        return records.Read();
    }

    public void Error(string column, string message)
    {
        HasErrors = true;
        errors.Add(new DatasetError(records.FileName, records.Line, column, message));
    }

    private string? Cell(string column)
    {
        if (IndexOf(column) is not (>= 0 and var index)) return null; // an optional column the header leaves out
        var fields = records.Fields;
        var value = index < fields.Length ? fields[index] : "";
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// The column's place in the header, or -1 when the header leaves it out. A row's reader asks by the same few names,
    /// written once in the file's declaration, for every row: they are remembered by reference, since hashing each name
    /// for each of a file's cells, with the comparisons, was about 5 % of the long report's data stages (issue 26).
    /// </summary>
    private int IndexOf(string column)
    {
        foreach (var (name, index) in _places)
            if (ReferenceEquals(name, column)) return index;
        var place = records.Columns.TryGetValue(column, out var found) ? found : -1;
        if (_places.Length < MaxPlaces) _places = [.. _places, (column, place)];
        return place;
    }

    private string? Required(string column)
    {
        var value = Cell(column);
        if (value is null) Error(column, "is empty but required");
        return value;
    }

    public string Text(string column) => Required(column) ?? "";

    public string? OptionalText(string column) => Cell(column);

    public DateOnly Date(string column) => Required(column) is { } s ? ParseDate(column, s) ?? default : default;

    public DateOnly? OptionalDate(string column) => Cell(column) is { } s ? ParseDate(column, s) : null;

    public int Int(string column, int min = int.MinValue) =>
        Required(column) is { } s ? ParseInt(column, s, min) ?? 0 : 0;

    public int? OptionalInt(string column, int min = int.MinValue) =>
        Cell(column) is { } s ? ParseInt(column, s, min) : null;

    public decimal Decimal(string column)
    {
        if (Required(column) is not { } s) return 0;
        if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        Error(column, $"'{s}' is not a valid decimal");
        return 0;
    }

    public decimal? OptionalDecimal(string column) => Cell(column) is null ? null : Decimal(column);

    public bool Bool(string column)
    {
        if (Required(column) is not { } s) return false;
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (s.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        Error(column, $"'{s}' is not true or false");
        return false;
    }

    public bool? OptionalBool(string column) => Cell(column) is null ? null : Bool(column);

    public T Code<T>(string column) where T : struct, Enum =>
        Required(column) is { } s ? ParseCode<T>(column, s) ?? default : default;

    public T? OptionalCode<T>(string column) where T : struct, Enum =>
        Cell(column) is { } s ? ParseCode<T>(column, s) : null;

    /// <summary>A <c>;</c>-separated list of upper-case codes; empty means none.</summary>
    public IReadOnlyList<string> CodeList(string column)
    {
        if (Cell(column) is not { } s) return [];
        if (_codeLists.TryGetValue(s, out var known)) return known;
        var codes = s.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var valid = true;
        foreach (var code in codes)
        {
            if (code.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')) continue;
            Error(column, $"'{code}' is not an upper-case code");
            valid = false;
        }
        // A file's rows repeat a few lists of codes (a complaint's themes): each is kept once, as the rows hold it whole.
        if (valid && _codeLists.Count < MaxCodeLists) _codeLists.Add(s, codes);
        return codes;
    }

    private DateOnly? ParseDate(string column, string s)
    {
        if (IsoDate.TryParse(s, out var d)) return d;
        Error(column, $"'{s}' is not a valid date");
        return null;
    }

    private int? ParseInt(string column, string s, int min)
    {
        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            Error(column, $"'{s}' is not a whole number");
            return null;
        }
        if (i < min)
        {
            Error(column, $"{i} is below the minimum of {min}");
            return null;
        }
        return i;
    }

    private T? ParseCode<T>(string column, string s) where T : struct, Enum
    {
        if (CodeNames<T>.TryParse(s, out var value)) return value;
        Error(column, $"'{s}' is not one of {string.Join(", ", CodeNames<T>.Codes)}");
        return null;
    }
}
