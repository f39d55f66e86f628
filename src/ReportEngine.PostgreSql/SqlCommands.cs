using Npgsql;

namespace ReportEngine.PostgreSql;

/// <summary>The stores run plain parameterised SQL ($1, $2…); these keep each call to one line.</summary>
public static class SqlCommands
{
    public static async Task<int> ExecuteAsync(this NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        Bind(command, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<int> ExecuteAsync(this NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        Bind(command, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(this NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        Bind(command, values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        Bind(command, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this NpgsqlTransaction transaction, string sql, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        Bind(command, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    public static string? TextOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? TimeOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static void Bind(NpgsqlCommand command, object?[] values)
    {
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
    }
}
