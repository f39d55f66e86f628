using ReportEngine.Issuing;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReportEngine.Kinds;
using ReportEngine.Rendering;
using ReportEngine.Review;

namespace ReportEngine.PostgreSql;

/// <summary>
/// Review in PostgreSQL (review.md): each authority's review mode per kind, and the drafts of reviewed reports with
/// their frozen snapshots and versions. A draft is changed only under its row's lock (<see cref="LockAsync"/>), so two
/// people saving, approving or returning it at once are taken one after the other.
/// </summary>
public sealed class PostgresDrafts(NpgsqlDataSource dataSource, ReportKinds kinds, TimeProvider clock) : IDrafts
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string Select =
        """
        SELECT d.id, d.authority, d.kind, d.period, d.statement, d.state, d.version, v.commentary::text, d.created_by, d.created_at, d.updated_at,
               d.last_commentary_by, d.state_reason, d.archive_id, d.regeneration_reason
          FROM reportengine.drafts d JOIN reportengine.draft_versions v ON v.draft_id = d.id AND v.version = d.version
        """;

    public async Task<ReviewMode> ModeAsync(string authority, ReportKind kind, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync("SELECT mode FROM reportengine.review_modes WHERE authority = $1 AND kind = $2", r => ReviewModes.Parse(r.GetString(0)),
            cancellationToken, authority, kind.Name)).SingleOrDefault() ?? ReviewMode.None;

    /// <summary>Every (authority, kind) whose mode was set, with its mode.</summary>
    public Task<IReadOnlyList<(string Authority, string Kind, ReviewMode Mode)>> ModesAsync(CancellationToken cancellationToken = default) =>
        dataSource.QueryAsync("SELECT authority, kind, mode FROM reportengine.review_modes ORDER BY authority, kind",
            r => (r.GetString(0), r.GetString(1), ReviewModes.Parse(r.GetString(2))!.Value), cancellationToken);

    /// <summary>Sets the mode; the one it had before (none when never set).</summary>
    public async Task<ReviewMode> SetModeAsync(string authority, ReportKind kind, ReviewMode mode, string changedBy, CancellationToken cancellationToken = default)
    {
        var before = await ModeAsync(authority, kind, cancellationToken);
        await dataSource.ExecuteAsync(
            """
            INSERT INTO reportengine.review_modes (authority, kind, mode, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (authority, kind) DO UPDATE SET mode = EXCLUDED.mode, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
            """, cancellationToken, authority, kind.Name, mode.Name(), changedBy, clock.GetUtcNow());
        return before;
    }

    public async Task<Draft?> CurrentAsync(ReportIdentity report, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync(CurrentOfReport, Read, cancellationToken, ReportKey(report))).OfType<Draft>().SingleOrDefault();

    public async Task<Draft?> FindAsync(DraftId id, CancellationToken cancellationToken = default) =>
        (await dataSource.QueryAsync($"{Select} WHERE d.id = $1", Read, cancellationToken, id.Value)).OfType<Draft>().SingleOrDefault();

    /// <summary>The drafts of the given authorities (every authority when null), newest change first.</summary>
    public async Task<IReadOnlyList<Draft>> ListAsync(IReadOnlyCollection<string>? authorities, string? kind = null, string? state = null,
        CancellationToken cancellationToken = default) =>
        (await dataSource.QueryAsync($"{Select} WHERE ($1::text[] IS NULL OR d.authority = ANY($1)) AND ($2::text IS NULL OR d.kind = $2) AND ($3::text IS NULL OR d.state = $3) " +
                   "ORDER BY d.updated_at DESC, d.id DESC", Read, cancellationToken,
            new NpgsqlParameter { Value = (object?)authorities?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter { Value = (object?)state ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text })).OfType<Draft>().ToList();

    /// <summary>Every version, oldest first: when, by whom and what changed.</summary>
    public Task<IReadOnlyList<DraftVersion>> HistoryAsync(DraftId id, CancellationToken cancellationToken = default) =>
        dataSource.QueryAsync("SELECT version, made_at, made_by, what FROM reportengine.draft_versions WHERE draft_id = $1 ORDER BY version",
            r => new DraftVersion(r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3)), cancellationToken, id.Value);

    /// <summary>Who changed the draft's commentary (their accounts' emails): whom a return is sent to.</summary>
    public Task<IReadOnlyList<string>> CommentaryWritersAsync(DraftId id, CancellationToken cancellationToken = default) =>
        dataSource.QueryAsync("SELECT DISTINCT lower(made_by) FROM reportengine.draft_versions WHERE draft_id = $1 AND what LIKE 'commentary%' ORDER BY 1",
            r => r.GetString(0), cancellationToken, id.Value);

    /// <summary>
    /// The open drafts not yet reminded whose making is <paramref name="due"/> a reminder, each marked as reminded now
    /// (so that two processes never both remind).
    /// </summary>
    public async Task<IReadOnlyList<DraftId>> TakeDueRemindersAsync(Func<DateTimeOffset, bool> due, CancellationToken cancellationToken = default)
    {
        var candidates = await dataSource.QueryAsync("SELECT id, created_at FROM reportengine.drafts WHERE state = 'open' AND reminded_at IS NULL ORDER BY id",
            r => (Id: r.GetInt64(0), CreatedAt: r.GetFieldValue<DateTimeOffset>(1)), cancellationToken);
        var taken = new List<DraftId>();
        foreach (var (id, createdAt) in candidates.Where(c => due(c.CreatedAt)))
        {
            if (await dataSource.ExecuteAsync("UPDATE reportengine.drafts SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL AND state = 'open'",
                    cancellationToken, id, clock.GetUtcNow()) == 1)
                taken.Add(new DraftId(id));
        }
        return taken;
    }

    /// <summary>A version's PDF (with the DRAFT marks) and metrics.json; the current version's when none is named.</summary>
    public async Task<(byte[] Pdf, byte[] Metrics)?> FilesAsync(DraftId id, int? version = null, CancellationToken cancellationToken = default) =>
        (await dataSource.QueryAsync(
            "SELECT v.pdf, v.metrics FROM reportengine.draft_versions v JOIN reportengine.drafts d ON d.id = v.draft_id WHERE v.draft_id = $1 AND v.version = coalesce($2, d.version)",
            r => ((byte[] Pdf, byte[] Metrics)?)(r.GetFieldValue<byte[]>(0), r.GetFieldValue<byte[]>(1)), cancellationToken,
            id.Value, new NpgsqlParameter { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer })).SingleOrDefault();

    /// <summary>The frozen evidence snapshot the draft was made from (<see cref="Archive.EvidenceSnapshot"/>).</summary>
    public async Task<byte[]> SnapshotAsync(DraftId id, CancellationToken cancellationToken = default) =>
        (await dataSource.QueryAsync("SELECT snapshot FROM reportengine.drafts WHERE id = $1", r => r.GetFieldValue<byte[]>(0), cancellationToken, id.Value))
        .SingleOrDefault() ?? throw new InvalidOperationException($"There is no draft {id}");

    public async Task<Draft> KeepAsync(ReportIdentity report, byte[] snapshot, RenderedReport draft, IReadOnlyList<Commentary> commentary, string createdBy,
        string? regenerationReason, Draft? replacing, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // One maker at a time per report, so that two requests at once make one draft.
        await transaction.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('reportengine.drafts'), hashtext($1))", cancellationToken, report.ToString());
        if (await CurrentAsync(transaction, report, cancellationToken) is { } current && current.Id != replacing?.Id)
            return current;
        var what = "made";
        if (replacing is not null)
        {
            var moved = await transaction.ExecuteAsync("UPDATE reportengine.drafts SET state = 'discarded', state_reason = $2, updated_at = $3 WHERE id = $1 AND state = 'stale'",
                cancellationToken, replacing.Id.Value, "made again from new evidence", now);
            if (moved == 0) return await CurrentAsync(transaction, report, cancellationToken) ?? replacing;
            what = $"made again from new evidence (draft {replacing.Id}'s commentary carried over)";
        }
        var id = (long)(await transaction.ScalarAsync(
            """
            INSERT INTO reportengine.drafts (authority, kind, period, statement, state, version, snapshot, regeneration_reason, created_by, created_at, updated_at, last_commentary_by)
            VALUES ($1, $2, $3, $4, 'open', 1, $5, $6, $7, $8, $8, $9) RETURNING id
            """, cancellationToken, report.Authority, report.Kind.Name, report.Period.ToString(), report.Parameter, snapshot, regenerationReason, createdBy, now,
            replacing?.LastCommentaryBy))!;
        await AddVersionAsync(transaction, new DraftId(id), 1, commentary, draft, createdBy, what, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await FindAsync(new DraftId(id), cancellationToken))!;
    }

    /// <summary>Locks a draft's row until the lock is disposed (uncommitted changes are then undone); null when there is no such draft.</summary>
    public async Task<DraftLock?> LockAsync(DraftId id, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var draft = (await transaction.QueryAsync($"{Select} WHERE d.id = $1 FOR UPDATE OF d", Read, cancellationToken, id.Value)).OfType<Draft>().SingleOrDefault();
            if (draft is null)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new DraftLock(draft, connection, transaction, clock);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Approvals a killed process left half-done: the archive entry naming the draft was committed, but the draft was not
    /// marked approved with it (the two are written by different stores). Each such draft is marked approved with its
    /// entry, so that a draft is never open beside the report its approval issued. Run at start-up.
    /// </summary>
    /// <returns>Each draft finished, with its entry and the entry's approver.</returns>
    public Task<IReadOnlyList<FinishedApproval>> FinishApprovalsAsync(CancellationToken cancellationToken = default) =>
        dataSource.QueryAsync(
            """
            UPDATE reportengine.drafts d SET state = 'approved', state_reason = NULL, archive_id = r.id, updated_at = $1
            FROM reportengine.archive_records r
            WHERE r.type = 'Entry' AND r.draft_id = d.id::text AND d.state <> 'approved'
            RETURNING d.id, r.id, coalesce(r.approved_by, '')
            """,
            r => new FinishedApproval(new DraftId(r.GetInt64(0)), r.GetString(1), r.GetString(2)), cancellationToken, clock.GetUtcNow());

    /// <summary>
    /// A new import of an authority's evidence: its open and returned drafts were made from evidence since replaced
    /// (review.md), so they become stale; called in the import's transaction.
    /// </summary>
    public static Task<int> MarkStaleAsync(NpgsqlTransaction transaction, string authority, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("UPDATE reportengine.drafts SET state = 'stale', state_reason = 'the evidence was imported again', updated_at = $2 WHERE authority = $1 AND state IN ('open', 'returned')",
            cancellationToken, authority, now);

    internal static async Task AddVersionAsync(NpgsqlTransaction transaction, DraftId id, int version, IReadOnlyList<Commentary> commentary, RenderedReport draft,
        string madeBy, string what, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync(
            "INSERT INTO reportengine.draft_versions (draft_id, version, made_at, made_by, what, commentary, pdf, metrics) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            cancellationToken, id.Value, version, now, madeBy, what,
            new NpgsqlParameter { Value = JsonSerializer.Serialize(commentary, Json), NpgsqlDbType = NpgsqlDbType.Jsonb }, draft.Pdf, draft.MetricsJson);
    }

    private async Task<Draft?> CurrentAsync(NpgsqlTransaction transaction, ReportIdentity report, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync(CurrentOfReport, Read, cancellationToken, ReportKey(report))).OfType<Draft>().SingleOrDefault();

    /// <summary>The report's draft being worked on: at most one (the unique index <c>drafts_one_current</c>).</summary>
    private const string CurrentOfReport =
        Select + " WHERE d.authority = $1 AND d.kind = $2 AND d.period = $3 AND d.statement = $4 AND d.state IN ('open', 'returned', 'stale')";

    private static object?[] ReportKey(ReportIdentity report) => [report.Authority, report.Kind.Name, report.Period.ToString(), report.Parameter];

    /// <summary>A row of <see cref="Select"/>; null for a draft of a kind no longer served (left out, as the archive leaves out its entries).</summary>
    private Draft? Read(NpgsqlDataReader reader)
    {
        var fields = new ReportFields(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4) is { Length: > 0 } s ? s : null).Parse(kinds);
        return fields.IsValid
            ? new Draft(new DraftId(reader.GetInt64(0)), fields.Identity, reader.GetString(5), reader.GetInt32(6),
                JsonSerializer.Deserialize<List<Commentary>>(reader.GetString(7), Json) ?? [], reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.TextOrNull(11), reader.TextOrNull(12), reader.TextOrNull(13), reader.TextOrNull(14))
            : null;
    }
}

/// <summary>A draft marked approved at start-up because its approval's archive entry had been committed before its process died.</summary>
public sealed record FinishedApproval(DraftId Draft, string ArchiveId, string ApprovedBy);

/// <summary>One version of a draft: when it was made, by whom, and what changed (made, commentary of a slot changed).</summary>
public sealed record DraftVersion(int Version, DateTimeOffset MadeAt, string MadeBy, string What);

/// <summary>A draft locked for a change: each change is written in the lock's transaction and kept only when committed.</summary>
public sealed class DraftLock(Draft draft, NpgsqlConnection connection, NpgsqlTransaction transaction, TimeProvider clock) : IAsyncDisposable
{
    public Draft Draft { get; } = draft;

    /// <summary>A new version with the commentary as it now stands; the draft becomes open (a returned one is being worked on again).</summary>
    public async Task AddVersionAsync(IReadOnlyList<Commentary> commentary, RenderedReport rendered, string madeBy, string what, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var version = Draft.Version + 1;
        await PostgresDrafts.AddVersionAsync(transaction, Draft.Id, version, commentary, rendered, madeBy, what, now, cancellationToken);
        await transaction.ExecuteAsync("UPDATE reportengine.drafts SET version = $2, state = 'open', state_reason = NULL, last_commentary_by = $3, updated_at = $4 WHERE id = $1",
            cancellationToken, Draft.Id.Value, version, madeBy, now);
    }

    /// <summary>Returned or discarded (with its reason), or approved (with the archive entry it issued).</summary>
    public Task SetStateAsync(string state, string? reason, string? archiveId, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("UPDATE reportengine.drafts SET state = $2, state_reason = $3, archive_id = $4, updated_at = $5 WHERE id = $1",
            cancellationToken, Draft.Id.Value, state, (object?)reason ?? DBNull.Value, (object?)archiveId ?? DBNull.Value, clock.GetUtcNow());

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
