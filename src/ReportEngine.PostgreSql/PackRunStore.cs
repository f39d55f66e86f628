using Npgsql;

namespace ReportEngine.PostgreSql;

/// <summary>
/// The records of pack runs, keyed by (authority, kind, period). Claiming a run takes a row lock held until the run
/// completes, so a retried, duplicated or concurrent job waits, then finds the pack made and does nothing.
/// </summary>
public sealed class PackRunStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims the pack for rendering, or returns null when it has been rendered already. The claim holds the row lock
    /// (in an open transaction) until it is completed or disposed; a process that dies releases it with its connection.
    /// </summary>
    public async Task<PackRunClaim?> ClaimAsync(PackKey key, string? jobId, string renderer, CancellationToken cancellationToken = default)
    {
        // Counted outside the lock's transaction, so attempts that die half-way still show.
        await using (var count = dataSource.CreateCommand($"""
            INSERT INTO {EvidenceDatabase.Schema}.pack_runs (id, authority_code, kind, period, state, attempts) VALUES ($1, $2, $3, $4, 'running', 1)
            ON CONFLICT (authority_code, kind, period) DO UPDATE SET attempts = pack_runs.attempts + 1 WHERE pack_runs.state <> 'succeeded'
            """))
        {
            count.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            AddKey(count, key);
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            Guid id;
            string state;
            await using (var select = new NpgsqlCommand(
                $"SELECT id, state FROM {EvidenceDatabase.Schema}.pack_runs WHERE authority_code = $1 AND kind = $2 AND period = $3 FOR UPDATE",
                connection, transaction))
            {
                AddKey(select, key);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (id, state) = (reader.GetGuid(0), reader.GetString(1));
            }
            if (state == "succeeded")
            {
                await transaction.CommitAsync(cancellationToken);
                await connection.DisposeAsync();
                return null;
            }
            await using (var start = new NpgsqlCommand(
                $"UPDATE {EvidenceDatabase.Schema}.pack_runs SET state = 'running', job_id = $2, rendered_by = $3, started_at = now(), error = NULL WHERE id = $1",
                connection, transaction))
            {
                start.Parameters.Add(new() { Value = id });
                start.Parameters.Add(new() { Value = (object?)jobId ?? DBNull.Value });
                start.Parameters.Add(new() { Value = renderer });
                await start.ExecuteNonQueryAsync(cancellationToken);
            }
            return new PackRunClaim(id, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<PackRunRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT id, authority_code, kind, period, state, attempts, renders, rendered_by, pdf_path, pages, error FROM {EvidenceDatabase.Schema}.pack_runs ORDER BY authority_code, kind, period");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<PackRunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new PackRunRecord(reader.GetGuid(0), new PackKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.NullableText(7), reader.NullableText(8), reader.Nullable<int>(9), reader.NullableText(10)));
        }
        return runs;
    }

    private static void AddKey(NpgsqlCommand command, PackKey key)
    {
        command.Parameters.Add(new() { Value = key.Authority });
        command.Parameters.Add(new() { Value = key.Kind });
        command.Parameters.Add(new() { Value = key.Period });
    }
}

/// <summary>The idempotency key of a pack: one authority, one kind, one period (<c>YYYY-MM</c>).</summary>
public sealed record PackKey(string Authority, string Kind, string Period)
{
    public override string ToString() => $"{Authority}/{Kind}/{Period}";
}

public sealed record PackRunRecord(Guid Id, PackKey Key, string State, int Attempts, int Renders, string? RenderedBy, string? PdfPath, int? Pages, string? Error);

/// <summary>A claimed pack run: the row stays locked until <see cref="CompleteAsync"/> commits, or disposal rolls back.</summary>
public sealed class PackRunClaim(Guid id, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public Guid RunId { get; } = id;

    public async Task CompleteAsync(string pdfPath, string pdfSha256, int pages, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {EvidenceDatabase.Schema}.pack_runs SET state = 'succeeded', renders = renders + 1, finished_at = clock_timestamp(), pdf_path = $2, pdf_sha256 = $3, pages = $4 WHERE id = $1",
            connection, transaction);
        command.Parameters.Add(new() { Value = RunId });
        command.Parameters.Add(new() { Value = pdfPath });
        command.Parameters.Add(new() { Value = pdfSha256 });
        command.Parameters.Add(new() { Value = pages });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records a deterministic failure (bad data, a template error): retrying will not make it succeed.</summary>
    public async Task FailAsync(string error, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {EvidenceDatabase.Schema}.pack_runs SET state = 'failed', error = $2, finished_at = clock_timestamp() WHERE id = $1", connection, transaction);
        command.Parameters.Add(new() { Value = RunId });
        command.Parameters.Add(new() { Value = error });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
