using Npgsql;
using ReportEngine.Issuing;
using ReportEngine.Kinds;

namespace ReportEngine.PostgreSql;

/// <summary>
/// The records of report runs, keyed by the report's identity (authority, kind, period, parameter). Claiming a run
/// takes a row lock held until the run completes, so a retried, duplicated or concurrent job waits, then finds the
/// report issued and does nothing.
/// </summary>
public sealed class ReportRunStore(NpgsqlDataSource dataSource) : IReportRuns
{
    /// <summary>
    /// Claims the report for issuing, or returns null when it has been issued already (unless <paramref name="again"/>,
    /// for a regeneration, which gives the run a new id). The claim holds the row lock (in an open transaction) until it
    /// is completed or disposed; a process that dies releases it with its connection.
    /// </summary>
    /// <summary>
    /// No time limit (Npgsql's is 30 s) for the two statements that wait for the run's row lock: another process holds it
    /// for as long as its report takes to issue, which on a busy machine or with a large dataset can be minutes. The lock
    /// goes with the holder's connection if it dies, and cancellation still ends the wait.
    /// </summary>
    private const int LockWait = 0;

    public async Task<IReportRunClaim?> ClaimAsync(ReportIdentity report, string claimant, bool again, CancellationToken cancellationToken = default)
    {
        var key = PackKey.Of(report);
        // Counted outside the lock's transaction, so attempts that die half-way still show.
        await using (var count = dataSource.CreateCommand($"""
            INSERT INTO {EvidenceDatabase.Schema}.pack_runs (id, authority_code, kind, period, parameter, state, attempts) VALUES ($1, $2, $3, $4, $5, 'running', 1)
            ON CONFLICT (authority_code, kind, period, parameter) DO UPDATE SET attempts = pack_runs.attempts + 1 WHERE pack_runs.state <> 'succeeded' OR $6
            """))
        {
            count.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            AddKey(count, key);
            count.Parameters.Add(new() { Value = again });
            count.CommandTimeout = LockWait;
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            Guid id;
            string state;
            await using (var select = new NpgsqlCommand(
                $"SELECT id, state FROM {EvidenceDatabase.Schema}.pack_runs WHERE authority_code = $1 AND kind = $2 AND period = $3 AND parameter = $4 FOR UPDATE",
                connection, transaction))
            {
                AddKey(select, key);
                select.CommandTimeout = LockWait;
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (id, state) = (reader.GetGuid(0), reader.GetString(1));
            }
            if (state == "succeeded" && !again)
            {
                await transaction.CommitAsync(cancellationToken);
                await connection.DisposeAsync();
                return null;
            }
            // A regeneration is a new run: an interrupted one's entry must not be taken for it.
            var runId = state == "succeeded" ? Guid.CreateVersion7() : id;
            await using (var start = new NpgsqlCommand(
                $"UPDATE {EvidenceDatabase.Schema}.pack_runs SET id = $3, state = 'running', rendered_by = $2, started_at = now(), error = NULL, archive_id = NULL WHERE id = $1",
                connection, transaction))
            {
                start.Parameters.Add(new() { Value = id });
                start.Parameters.Add(new() { Value = claimant });
                start.Parameters.Add(new() { Value = runId });
                await start.ExecuteNonQueryAsync(cancellationToken);
            }
            id = runId;
            return new ReportRunClaim(id, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<ReportRunRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT id, authority_code, kind, period, parameter, state, attempts, renders, rendered_by, pdf_path, pages, error, archive_id FROM {EvidenceDatabase.Schema}.pack_runs ORDER BY authority_code, kind, period, parameter");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<ReportRunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new ReportRunRecord(reader.GetGuid(0), new PackKey(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)),
                reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7), reader.TextOrNull(8), reader.TextOrNull(9), reader.Nullable<int>(10),
                reader.TextOrNull(11), reader.TextOrNull(12)));
        }
        return runs;
    }

    private static void AddKey(NpgsqlCommand command, PackKey key)
    {
        command.Parameters.Add(new() { Value = key.Authority });
        command.Parameters.Add(new() { Value = key.Kind });
        command.Parameters.Add(new() { Value = key.Period });
        command.Parameters.Add(new() { Value = key.Parameter });
    }
}

/// <summary>A report's identity as the run records store it.</summary>
public sealed record PackKey(string Authority, string Kind, string Period, string Parameter = "")
{
    public static PackKey Of(ReportIdentity report) => new(report.Authority, report.Kind.Name, report.Period.ToString(), report.Parameter);

    public override string ToString() => Parameter.Length == 0 ? $"{Authority}/{Kind}/{Period}" : $"{Authority}/{Kind}/{Period}/{Parameter}";
}

public sealed record ReportRunRecord(Guid Id, PackKey Key, string State, int Attempts, int Renders, string? RenderedBy, string? PdfPath, int? Pages,
    string? Error, string? ArchiveId);

/// <summary>A claimed report run: the row stays locked until <see cref="CompleteAsync"/> commits, or disposal rolls back.</summary>
internal sealed class ReportRunClaim(Guid id, NpgsqlConnection connection, NpgsqlTransaction transaction) : IReportRunClaim
{
    public Guid RunId { get; } = id;

    public async Task CompleteAsync(IssuedFacts facts, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {EvidenceDatabase.Schema}.pack_runs SET state = 'succeeded', renders = renders + 1, finished_at = clock_timestamp(), pdf_path = $2, pdf_sha256 = $3, pages = $4, archive_id = $5 WHERE id = $1",
            connection, transaction);
        command.Parameters.Add(new() { Value = RunId });
        command.Parameters.Add(new() { Value = (object?)facts.PdfPath ?? DBNull.Value });
        command.Parameters.Add(new() { Value = facts.PdfSha256 });
        command.Parameters.Add(new() { Value = facts.Pages });
        command.Parameters.Add(new() { Value = (object?)facts.ArchiveId ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task FailAsync(string error, CancellationToken cancellationToken)
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
