using Npgsql;
using NpgsqlTypes;

namespace ReportEngine.PostgreSql;

/// <summary>
/// One evidence table: its columns (besides <c>authority_code</c> and <c>seq</c>), how a record fills them for a
/// binary COPY, and how a row becomes a record again. Column order is the same both ways.
/// </summary>
internal sealed class EvidenceTable<T>(string name, IReadOnlyList<EvidenceColumn<T>> columns, Func<NpgsqlDataReader, T> read)
{
    public string Name => name;

    private string ColumnList => string.Join(", ", columns.Select(c => c.Name));

    public async Task CopyAsync(NpgsqlConnection connection, string authority, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {EvidenceDatabase.Schema}.{name} (authority_code, seq, {ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = EvidenceDatabase.BulkStatementTimeout;
        for (var seq = 0; seq < rows.Count; seq++)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(authority, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(seq, NpgsqlDbType.Integer, cancellationToken);
            foreach (var column in columns)
            {
                if (column.Value(rows[seq]) is { } value) await importer.WriteAsync(value, column.Type, cancellationToken);
                else await importer.WriteNullAsync(cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<T>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string authority, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {ColumnList} FROM {EvidenceDatabase.Schema}.{name} WHERE authority_code = $1 ORDER BY seq", connection, transaction)
        {
            Parameters = { new() { Value = authority } },
            CommandTimeout = (int)EvidenceDatabase.BulkStatementTimeout.TotalSeconds,
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}

internal sealed record EvidenceColumn<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

internal static class ReaderExtensions
{
    public static T? Nullable<T>(this NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    public static string? NullableText(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static TEnum Code<TEnum>(this NpgsqlDataReader reader, int ordinal) where TEnum : struct, Enum =>
        Evidence.CodeNames<TEnum>.TryParse(reader.GetString(ordinal), out var value)
            ? value
            : throw new InvalidDataException($"'{reader.GetString(ordinal)}' in column {reader.GetName(ordinal)} is not a {typeof(TEnum).Name} code");

    public static TEnum? NullableCode<TEnum>(this NpgsqlDataReader reader, int ordinal) where TEnum : struct, Enum =>
        reader.IsDBNull(ordinal) ? null : reader.Code<TEnum>(ordinal);
}
