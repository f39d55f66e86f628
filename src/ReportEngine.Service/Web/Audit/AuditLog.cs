using Npgsql;

namespace ReportEngine.Service.Web.Audit;

/// <summary>
/// The append-only audit log. Nothing here updates or deletes a row, and the database refuses to (a trigger), so a
/// row once written stays as written.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public async Task WriteAsync(AuditEvent e, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO reportengine.audit_events (actor, action, outcome, authority, report, address, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        foreach (var value in new object?[] { e.Actor, e.Action, e.Outcome, e.Authority, e.Report, e.Address, e.Detail })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        // Not cancelled with the request: a person who closes the page still leaves the row.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
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
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new AuditEvent(reader.GetString(2), reader.GetString(3), reader.GetString(4), Text(5), Text(6), Text(7), Text(8))
            {
                Id = reader.GetInt64(0),
                At = reader.GetFieldValue<DateTimeOffset>(1),
            });
        return events.Count > limit ? new AuditPage(events[..limit], events[limit - 1].Id) : new AuditPage(events, null);
    }
}

/// <param name="Before">The cursor of the next (older) page; null when this page is the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, long? Before);
