using ReportEngine.PostgreSql;
using Npgsql;
using ReportEngine.Kinds;

namespace ReportEngine.Service.Web.Requests;

/// <summary>On-demand requests and their progress in PostgreSQL, which every <c>serve</c> process shares.</summary>
public sealed class RequestStore(NpgsqlDataSource dataSource, ReportKinds kinds, TimeProvider clock)
{
    /// <summary>A person has at most this many requests queued or rendering at once (web.md).</summary>
    public const int MostInFlight = 10;

    private const string Select =
        """
        SELECT r.id, r.authority, r.kind, r.period, r.statement, r.regenerate, r.reason, r.account_id, a.email, r.status, r.progress,
               r.stage, r.archive_id, r.error, r.requested_at, r.finished_at, r.deliver_again, r.draft_id
          FROM reportengine.report_requests r JOIN reportengine.accounts a ON a.id = r.account_id
        """;

    /// <summary>
    /// Records a request; null when the person has <see cref="MostInFlight"/> in flight already. The count and the
    /// insert happen under a lock of the person's, so that two quick requests cannot both pass the limit.
    /// </summary>
    /// <param name="draft">For a reviewed report that has a draft already (review.md): the request is answered with it at once.</param>
    public async Task<OnDemandRequest?> AddAsync(ReportIdentity report, bool regenerate, string? reason, long accountId, string? archivedAs,
        CancellationToken cancellationToken = default, bool deliverAgain = false, ReportEngine.Review.DraftId? draft = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var guard = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('report_requests'), $1::int)", connection, transaction))
        {
            guard.Parameters.Add(new() { Value = (int)(accountId % int.MaxValue) });
            await guard.ExecuteNonQueryAsync(cancellationToken);
        }
        var answered = archivedAs is not null || draft is not null;
        if (!answered)
        {
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM reportengine.report_requests WHERE account_id = $1 AND status IN ('queued', 'rendering', 'archiving')", connection, transaction);
            count.Parameters.Add(new() { Value = accountId });
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= MostInFlight) return null;
        }
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO reportengine.report_requests (authority, kind, period, statement, regenerate, reason, account_id, status, progress, archive_id, requested_at, finished_at, deliver_again, draft_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
            """, connection, transaction);
        var now = clock.GetUtcNow();
        var fields = ReportFields.Of(report);
        foreach (var value in new object?[] { fields.Authority, fields.Kind, fields.Period, fields.Statement, regenerate, reason, accountId,
                     draft is not null ? RequestStatus.Draft : archivedAs is null ? RequestStatus.Queued : RequestStatus.Done, answered ? 100 : 0, archivedAs, now,
                     answered ? now : null, deliverAgain, draft?.Value })
            insert.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return await FindAsync(id, cancellationToken);
    }

    public async Task<OnDemandRequest?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"{Select} WHERE r.id = $1", cancellationToken, id)).SingleOrDefault();

    /// <summary>Requests not yet finished, oldest first.</summary>
    public Task<IReadOnlyList<OnDemandRequest>> InFlightAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"{Select} WHERE r.status IN ('queued', 'rendering', 'archiving') ORDER BY r.id", cancellationToken);

    /// <summary>The latest requests of every status, newest first.</summary>
    public Task<IReadOnlyList<OnDemandRequest>> RecentAsync(int limit, CancellationToken cancellationToken = default) =>
        QueryAsync($"{Select} ORDER BY r.id DESC LIMIT $1", cancellationToken, limit);

    public Task SetJobAsync(long id, string jobId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE reportengine.report_requests SET job_id = $2 WHERE id = $1", cancellationToken, id, jobId);

    /// <summary>Moves an unfinished request on; a finished one stays as it ended.</summary>
    public Task ProgressAsync(long id, string status, int progress, string stage, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE reportengine.report_requests SET status = $2, progress = $3, stage = $4 WHERE id = $1 AND status NOT IN ('done', 'failed', 'draft')",
            cancellationToken, id, status, Math.Clamp(progress, 0, 99), stage);

    public Task DoneAsync(long id, string archiveId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE reportengine.report_requests SET status = 'done', progress = 100, stage = 'Done', archive_id = $2, error = NULL, finished_at = $3 WHERE id = $1",
            cancellationToken, id, archiveId, clock.GetUtcNow());

    /// <summary>A request for a reviewed report ends with its draft (review.md).</summary>
    public Task DraftAsync(long id, ReportEngine.Review.DraftId draft, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE reportengine.report_requests SET status = 'draft', progress = 100, stage = 'Draft awaiting sign-off', draft_id = $2, error = NULL, finished_at = $3 WHERE id = $1",
            cancellationToken, id, draft.Value, clock.GetUtcNow());

    public Task FailAsync(long id, string error, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE reportengine.report_requests SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1 AND status NOT IN ('done', 'draft')",
            cancellationToken, id, error, clock.GetUtcNow());

    /// <summary>A temporary problem, shown while the request waits to be tried again.</summary>
    public Task NoteAsync(long id, string note, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE reportengine.report_requests SET status = 'queued', stage = $2 WHERE id = $1 AND status NOT IN ('done', 'failed', 'draft')",
            cancellationToken, id, note);

    private Task<IReadOnlyList<OnDemandRequest>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] values) =>
        dataSource.QueryAsync(sql, reader => new OnDemandRequest(reader.GetInt64(0),
            new ReportFields(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.TextOrNull(4)).Parse(kinds).IdentityOrRefuse(),
            reader.GetBoolean(5), reader.TextOrNull(6), reader.GetInt64(7), reader.GetString(8), reader.GetString(9), reader.GetInt32(10),
            reader.TextOrNull(11), reader.TextOrNull(12), reader.TextOrNull(13), reader.GetFieldValue<DateTimeOffset>(14), reader.TimeOrNull(15)) { DeliverAgain = reader.GetBoolean(16), Draft = reader.IsDBNull(17) ? null : new ReportEngine.Review.DraftId(reader.GetInt64(17)) },
            cancellationToken, values);

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values) => dataSource.ExecuteAsync(sql, cancellationToken, values);
}
