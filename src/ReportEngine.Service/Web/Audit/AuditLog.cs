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

    /// <summary>Events newest first, between two times (either open), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, at, actor, action, outcome, authority, report, address, detail FROM reportengine.audit_events
             WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)
             ORDER BY id DESC LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AuditEvent>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new AuditEvent(reader.GetString(2), reader.GetString(3), reader.GetString(4), Text(5), Text(6), Text(7), Text(8))
            {
                Id = reader.GetInt64(0),
                At = reader.GetFieldValue<DateTimeOffset>(1),
            });
        return events;
    }
}
