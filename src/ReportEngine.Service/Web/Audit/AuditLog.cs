using ReportEngine.PostgreSql;
using Npgsql;
using ReportEngine.Archive;

namespace ReportEngine.Service.Web.Audit;

/// <summary>
/// The append-only audit log. Nothing here updates or deletes a row, and the database refuses to (a trigger), so a
/// row once written stays as written; each row is chained to the one before and signed with the archive's key
/// (<see cref="AuditChain"/>), so that one inserted or back-dated by hand is found by <c>audit verify</c>.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, ReportArchive archive)
{
    /// <summary>
    /// Opens the signing key, so that a change about to be made can be audited: called before the change, so that a key
    /// that cannot be opened refuses it rather than leaving it made and unaudited.
    /// </summary>
    public Task ReadyAsync(CancellationToken cancellationToken = default) => archive.OpenSigningKeyAsync(cancellationToken);

    /// <summary>
    /// Appends a row, chained to the row before it and signed (<see cref="AuditChain"/>): under a lock, so that rows from
    /// every process follow one another in id and time.
    /// </summary>
    public async Task WriteAsync(AuditEvent e, CancellationToken cancellationToken = default)
    {
        // Not cancelled with the request: a person who closes the page still leaves the row. The key is opened (a file
        // read, on a process's first row) before the lock, so that no other process's row waits on it.
        await ReadyAsync(CancellationToken.None);
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        await using (var lockChain = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('reportengine.audit_events'))", connection, transaction))
            await lockChain.ExecuteNonQueryAsync(CancellationToken.None);
        string previous;
        long id;
        DateTimeOffset at;
        await using (var next = new NpgsqlCommand(
                         """
                         SELECT coalesce((SELECT hash FROM reportengine.audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1), $1),
                                nextval(pg_get_serial_sequence('reportengine.audit_events', 'id')), clock_timestamp()
                         """, connection, transaction))
        {
            next.Parameters.Add(new NpgsqlParameter { Value = AuditChain.Genesis });
            await using var reader = await next.ExecuteReaderAsync(CancellationToken.None);
            await reader.ReadAsync(CancellationToken.None);
            (previous, id, at) = (reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
        }
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO reportengine.audit_events (id, at, actor, action, outcome, authority, report, address, detail, previous_hash, hash, signature)
            OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """, connection, transaction);
        var hash = AuditChain.Hash(id, at, e, previous);
        var signature = await archive.SignAsync(hash, CancellationToken.None);
        foreach (var value in new object?[] { id, at, e.Actor, e.Action, e.Outcome, e.Authority, e.Report, e.Address, e.Detail, previous, hash, signature })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>
    /// Checks the whole chain (<see cref="AuditChain.Problems"/>), every row oldest first, with the archive's public key
    /// (or the copy in <paramref name="publicKeyFile"/>); the key's fingerprint is given to compare with a copy kept elsewhere.
    /// </summary>
    public async Task<(int Rows, IReadOnlyList<string> Problems, string KeyFingerprint)> VerifyAsync(string? publicKeyFile = null, CancellationToken cancellationToken = default)
    {
        using var signatures = archive.Signatures(publicKeyFile);
        await using var command = dataSource.CreateCommand(
            "SELECT id, at, actor, action, outcome, authority, report, address, detail, previous_hash, hash, signature FROM reportengine.audit_events ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ChainedAuditRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new ChainedAuditRow(EventOf(reader), reader.TextOrNull(9), reader.TextOrNull(10), reader.TextOrNull(11)));
        return (rows.Count, AuditChain.Problems(rows, signatures.IsValid), signatures.Fingerprint);
    }

    /// <summary>
    /// One page of events, newest first, between two times (either open) and older than the event <paramref name="before"/>
    /// (the cursor a page gives for the next), at most <paramref name="limit"/>.
    /// </summary>
    public async Task<AuditPage> PageAsync(DateTimeOffset? from, DateTimeOffset? to, long? before, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, at, actor, action, outcome, authority, report, address, detail FROM reportengine.audit_events
             WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2) AND ($3::bigint IS NULL OR id < $3)
             ORDER BY id DESC LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 }); // one more, to know whether more exist
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(cancellationToken)) events.Add(EventOf(reader));
        return events.Count > limit ? new AuditPage(events[..limit], events[limit - 1].Id) : new AuditPage(events, null);
    }

    /// <summary>A row read as <c>id, at, actor, action, outcome, authority, report, address, detail</c>, in that order.</summary>
    private static AuditEvent EventOf(NpgsqlDataReader reader) =>
        new(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.TextOrNull(5), reader.TextOrNull(6), reader.TextOrNull(7), reader.TextOrNull(8))
        {
            Id = reader.GetInt64(0),
            At = reader.GetFieldValue<DateTimeOffset>(1),
        };
}

/// <param name="Before">The cursor of the next (older) page; null when this page is the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, long? Before);
