using Npgsql;
using NpgsqlTypes;
using ReportEngine.Gathering.Dataset;

namespace ReportEngine.PostgreSql;

/// <summary>
/// A dataset file's table in the evidence schema (Migrations/0001_evidence.sql and later): its columns are the file's,
/// besides <c>authority_code</c> and <c>seq</c>, so a file is stored by a binary COPY and read back through the file's
/// own declaration (<see cref="DatasetFile"/>).
/// </summary>
internal static class EvidenceTable
{
    public static async Task CopyAsync(NpgsqlConnection connection, DatasetFile file, string authority, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {EvidenceDatabase.Schema}.{file.Table} (authority_code, seq, {string.Join(", ", file.Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = EvidenceDatabase.BulkStatementTimeout;
        var seq = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(authority, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(seq++, NpgsqlDbType.Integer, cancellationToken);
            foreach (var value in row)
            {
                if (value is null) await importer.WriteNullAsync(cancellationToken);
                else await WriteAsync(importer, value, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>A record's value in its column's type: codes as their text, lists of codes as text arrays.</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter importer, object value, CancellationToken cancellationToken) => value switch
    {
        string s => importer.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date, cancellationToken),
        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        decimal m => importer.WriteAsync(m, NpgsqlDbType.Numeric, cancellationToken),
        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
        Enum e => importer.WriteAsync(Evidence.CodeNames.ToCode(e), NpgsqlDbType.Text, cancellationToken),
        IEnumerable<string> list => importer.WriteAsync(list.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken),
        _ => throw new InvalidOperationException($"No column type for a {value.GetType().Name}"),
    };

    /// <summary>The authority's rows in file order; the one <see cref="StoredRow"/> moves along the reader, read as each comes.</summary>
    public static async IAsyncEnumerable<IRowValues> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DatasetFile file, string authority,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {string.Join(", ", file.Columns)} FROM {EvidenceDatabase.Schema}.{file.Table} WHERE authority_code = $1 ORDER BY seq", connection, transaction)
        {
            Parameters = { new() { Value = authority } },
            CommandTimeout = (int)EvidenceDatabase.BulkStatementTimeout.TotalSeconds,
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = new StoredRow(file, reader);
        while (await reader.ReadAsync(cancellationToken)) yield return row;
    }
}
