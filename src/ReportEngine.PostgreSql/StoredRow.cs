using Npgsql;
using ReportEngine.Evidence;
using ReportEngine.Gathering.Dataset;

namespace ReportEngine.PostgreSql;

/// <summary>
/// The reader's current row of a file's table, as the file's declaration reads it: each value by its column's own type,
/// with no copy. Its values were checked when imported; a value that breaks a rule now means the table was changed
/// behind the engine's back, which is refused rather than reported on.
/// </summary>
internal sealed class StoredRow(DatasetFile file, NpgsqlDataReader reader) : IRowValues
{
    private readonly Dictionary<string, int> _ordinals = file.Columns.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);

    public bool HasErrors => false;

    public void Error(string column, string message) => throw new InvalidDataException($"{file.Table}.{column}: {message}");

    /// <summary>Whether the column has a value in the current row, and where it is.</summary>
    private bool Has(string column, out int ordinal)
    {
        ordinal = _ordinals[column];
        return !reader.IsDBNull(ordinal);
    }

    private int Required(string column) =>
        Has(column, out var ordinal) ? ordinal : throw new InvalidDataException($"{file.Table}.{column}: is empty but required");

    private T? Optional<T>(string column) where T : struct => Has(column, out var o) ? reader.GetFieldValue<T>(o) : null;

    public string Text(string column) => reader.GetString(Required(column));

    public string? OptionalText(string column) => Has(column, out var o) ? reader.GetString(o) : null;

    public DateOnly Date(string column) => reader.GetFieldValue<DateOnly>(Required(column));

    public DateOnly? OptionalDate(string column) => Optional<DateOnly>(column);

    public int Int(string column, int min = int.MinValue) => reader.GetInt32(Required(column));

    public int? OptionalInt(string column, int min = int.MinValue) => Optional<int>(column);

    public decimal Decimal(string column) => reader.GetDecimal(Required(column));

    public decimal? OptionalDecimal(string column) => Optional<decimal>(column);

    public bool Bool(string column) => reader.GetBoolean(Required(column));

    public bool? OptionalBool(string column) => Optional<bool>(column);

    public T Code<T>(string column) where T : struct, Enum => AsCode<T>(column, reader.GetString(Required(column)));

    public T? OptionalCode<T>(string column) where T : struct, Enum => OptionalText(column) is { } s ? AsCode<T>(column, s) : null;

    public IReadOnlyList<string> CodeList(string column) => Has(column, out var o) ? reader.GetFieldValue<string[]>(o) : [];

    private T AsCode<T>(string column, string code) where T : struct, Enum =>
        CodeNames<T>.TryParse(code, out var value) ? value : throw new InvalidDataException($"{file.Table}.{column}: '{code}' is not a {typeof(T).Name} code");
}
