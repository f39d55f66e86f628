using ReportEngine.Evidence;
using ReportEngine.Gathering.Dataset;

namespace ReportEngine.PostgreSql;

/// <summary>
/// A stored evidence row as a file's declaration reads it. Its values were checked when imported; a value that breaks
/// a rule now means the table was changed behind the engine's back, which is refused rather than reported on.
/// </summary>
internal sealed class StoredRow(string table, IReadOnlyDictionary<string, int> columns, object?[] values) : IRowValues
{
    public bool HasErrors => false;

    public void Error(string column, string message) => throw new InvalidDataException($"{table}.{column}: {message}");

    private object? Value(string column) => values[columns[column]];

    private object Required(string column) => Value(column) ?? throw new InvalidDataException($"{table}.{column}: is empty but required");

    public string Text(string column) => (string)Required(column);

    public string? OptionalText(string column) => (string?)Value(column);

    public DateOnly Date(string column) => AsDate(Required(column));

    public DateOnly? OptionalDate(string column) => Value(column) is { } v ? AsDate(v) : null;

    public int Int(string column, int min = int.MinValue) => (int)Required(column);

    public int? OptionalInt(string column, int min = int.MinValue) => (int?)Value(column);

    public decimal Decimal(string column) => (decimal)Required(column);

    public decimal? OptionalDecimal(string column) => (decimal?)Value(column);

    public bool Bool(string column) => (bool)Required(column);

    public bool? OptionalBool(string column) => (bool?)Value(column);

    public T Code<T>(string column) where T : struct, Enum => AsCode<T>(column, (string)Required(column));

    public T? OptionalCode<T>(string column) where T : struct, Enum => Value(column) is string s ? AsCode<T>(column, s) : null;

    public IReadOnlyList<string> CodeList(string column) => (string[]?)Value(column) ?? [];

    // Npgsql gives a date column as a DateTime when asked for any value.
    private static DateOnly AsDate(object value) => value is DateTime t ? DateOnly.FromDateTime(t) : (DateOnly)value;

    private T AsCode<T>(string column, string code) where T : struct, Enum =>
        CodeNames<T>.TryParse(code, out var value) ? value : throw new InvalidDataException($"{table}.{column}: '{code}' is not a {typeof(T).Name} code");
}
