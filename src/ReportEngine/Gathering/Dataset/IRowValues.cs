namespace ReportEngine.Gathering.Dataset;

/// <summary>
/// One row's values by column name, read and checked: a CSV record as text, or a stored row. A file's declaration reads
/// its records through this, so a file and its table give the same records by the same rules.
/// </summary>
public interface IRowValues
{
    bool HasErrors { get; }

    /// <summary>Records that <paramref name="column"/> breaks a rule of the data contract.</summary>
    void Error(string column, string message);

    string Text(string column);
    string? OptionalText(string column);
    DateOnly Date(string column);
    DateOnly? OptionalDate(string column);
    int Int(string column, int min = int.MinValue);
    int? OptionalInt(string column, int min = int.MinValue);
    decimal Decimal(string column);
    decimal? OptionalDecimal(string column);
    bool Bool(string column);
    bool? OptionalBool(string column);
    T Code<T>(string column) where T : struct, Enum;
    T? OptionalCode<T>(string column) where T : struct, Enum;

    /// <summary>A list of upper-case codes; empty means none.</summary>
    IReadOnlyList<string> CodeList(string column);
}
