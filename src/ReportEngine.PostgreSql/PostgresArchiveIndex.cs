using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReportEngine.Archive;
using ReportEngine.Kinds;

namespace ReportEngine.PostgreSql;

/// <summary>The archive's index in PostgreSQL. Appends take an advisory lock, so the chain is extended one record at a time.</summary>
public sealed class PostgresArchiveIndex(NpgsqlDataSource dataSource) : IArchiveIndex
{
    private const string Columns =
        "seq, id, type, created_at, authority_code, kind, period, requested_by, template_version, engine_version, generated_at, " +
        "protective_marking, run_id, files::text, pruned_id, pruned_seq, pruned_hash, reason, previous_hash, hash, parameter, supersedes, adds_to, signature, concerns, draft_id, approved_by";

    private static string Table => $"{EvidenceDatabase.Schema}.archive_records";

    public async Task<ArchiveRecord> AppendAsync(string id, Func<ChainPosition, ArchiveRecord> build, string? removing = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('reportengine.archive'))", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);

        var now = await NowAsync(connection, transaction, cancellationToken);
        var existing = await ReadAsync(connection, transaction, $"SELECT {Columns} FROM {Table} WHERE id = $1", [id], cancellationToken);
        if (existing.Count > 0)
        {
            // Keyed appends (an addition per entry) happen once, however many workers race to make them.
            await transaction.CommitAsync(cancellationToken);
            return existing[0];
        }

        long seq = 0;
        var previous = ArchiveRecord.Genesis;
        await using (var head = new NpgsqlCommand($"SELECT seq, hash FROM {EvidenceDatabase.Schema}.archive_head", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken)) (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
        }
        var record = build(new ChainPosition(seq + 1, previous, now));

        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {Table} ({Columns.Replace("::text", "", StringComparison.Ordinal)}) VALUES ({string.Join(", ", Enumerable.Range(1, 27).Select(i => $"${i}"))})",
            connection, transaction))
        {
            object? Db(object? value) => value ?? DBNull.Value;
            insert.Parameters.Add(new() { Value = record.Seq });
            insert.Parameters.Add(new() { Value = record.Id });
            insert.Parameters.Add(new() { Value = record.Type.ToString() });
            insert.Parameters.Add(new() { Value = record.CreatedAt });
            insert.Parameters.Add(new() { Value = Db(record.Authority) });
            insert.Parameters.Add(new() { Value = Db(record.Kind) });
            insert.Parameters.Add(new() { Value = Db(record.Period) });
            insert.Parameters.Add(new() { Value = Db(record.RequestedBy) });
            insert.Parameters.Add(new() { Value = Db(record.TemplateVersion) });
            insert.Parameters.Add(new() { Value = Db(record.EngineVersion) });
            insert.Parameters.Add(new() { Value = Db(record.GeneratedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new() { Value = Db(record.ProtectiveMarking) });
            insert.Parameters.Add(new() { Value = Db(record.RunId) });
            insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(record.Files), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new() { Value = Db(record.PrunedId) });
            insert.Parameters.Add(new() { Value = Db(record.PrunedSeq), NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new() { Value = Db(record.PrunedHash) });
            insert.Parameters.Add(new() { Value = Db(record.Reason) });
            insert.Parameters.Add(new() { Value = record.PreviousHash });
            insert.Parameters.Add(new() { Value = record.Hash });
            insert.Parameters.Add(new() { Value = Db(record.Parameter) });
            insert.Parameters.Add(new() { Value = Db(record.Supersedes) });
            insert.Parameters.Add(new() { Value = Db(record.AddsTo) });
            insert.Parameters.Add(new() { Value = Db(record.Signature) });
            insert.Parameters.Add(new() { Value = Db(record.Concerns) });
            insert.Parameters.Add(new() { Value = Db(record.Draft) });
            insert.Parameters.Add(new() { Value = Db(record.ApprovedBy) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var moveHead = new NpgsqlCommand($"""
            INSERT INTO {EvidenceDatabase.Schema}.archive_head (singleton, seq, hash) VALUES (true, $1, $2)
            ON CONFLICT (singleton) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash
            """, connection, transaction))
        {
            moveHead.Parameters.Add(new() { Value = record.Seq });
            moveHead.Parameters.Add(new() { Value = record.Hash });
            await moveHead.ExecuteNonQueryAsync(cancellationToken);
        }
        if (removing is not null)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {Table} WHERE id = $1 AND type = 'Entry'", connection, transaction)
                { Parameters = { new() { Value = removing } } };
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    public async Task<IReadOnlyList<ArchiveRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Columns} FROM {Table} ORDER BY seq", [], cancellationToken);

    public async Task<ArchiveRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM {Table} WHERE id = $1", [id], cancellationToken)).SingleOrDefault();

    public async Task<ArchiveRecord?> LatestEntryAsync(ReportIdentity report, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM {Table} WHERE type = 'Entry' AND authority_code = $1 AND kind = $2 AND period = $3 AND coalesce(parameter, '') = $4 ORDER BY seq DESC LIMIT 1",
            [report.Authority, report.Kind.Name, report.Period.ToString(), report.Parameter], cancellationToken)).SingleOrDefault();

    public async Task<int> CountRegenerationsAsync(ReportIdentity report, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT count(*) FROM {Table} WHERE type = 'Entry' AND supersedes IS NOT NULL AND authority_code = $1 AND kind = $2 AND period = $3 AND coalesce(parameter, '') = $4 AND created_at >= $5");
        foreach (var value in new object[] { report.Authority, report.Kind.Name, report.Period.ToString(), report.Parameter, since })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<ArchiveRecord?> EntryOfRunAsync(string runId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM {Table} WHERE type = 'Entry' AND run_id = $1 ORDER BY seq LIMIT 1", [runId], cancellationToken)).SingleOrDefault();

    public async Task<(long Seq, string Hash)?> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT seq, hash FROM {EvidenceDatabase.Schema}.archive_head");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await NowAsync(connection, null, cancellationToken);
    }

    /// <summary>The database's clock (not the transaction's start), to the microsecond as it stores times.</summary>
    private static async Task<DateTimeOffset> NowAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ArchiveRecord.Truncate(reader.GetFieldValue<DateTimeOffset>(0));
    }

    private async Task<IReadOnlyList<ArchiveRecord>> QueryAsync(string sql, string[] values, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, null, sql, values, cancellationToken);
    }

    private static async Task<IReadOnlyList<ArchiveRecord>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        string[] values, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ArchiveRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new ArchiveRecord
            {
                Seq = reader.GetInt64(0), Id = reader.GetString(1), Type = Enum.Parse<ArchiveRecordType>(reader.GetString(2)),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(3), Authority = reader.TextOrNull(4), Kind = reader.TextOrNull(5),
                Period = reader.TextOrNull(6), RequestedBy = reader.TextOrNull(7), TemplateVersion = reader.TextOrNull(8),
                EngineVersion = reader.TextOrNull(9), GeneratedAt = reader.Nullable<DateTimeOffset>(10), ProtectiveMarking = reader.TextOrNull(11),
                RunId = reader.TextOrNull(12), Files = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(13)) ?? [],
                PrunedId = reader.TextOrNull(14), PrunedSeq = reader.Nullable<long>(15), PrunedHash = reader.TextOrNull(16),
                Reason = reader.TextOrNull(17), PreviousHash = reader.GetString(18), Hash = reader.GetString(19),
                Parameter = reader.TextOrNull(20), Supersedes = reader.TextOrNull(21), AddsTo = reader.TextOrNull(22),
                Signature = reader.TextOrNull(23), Concerns = reader.TextOrNull(24),
                Draft = reader.TextOrNull(25), ApprovedBy = reader.TextOrNull(26),
            });
        }
        return records;
    }
}
