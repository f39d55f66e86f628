using System.Security.Cryptography;
using System.Text;
using Npgsql;
using ReportEngine.PostgreSql;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// The delivery records in PostgreSQL: one per (archive id, recipient), made once from the recipients of the entry's
/// authority and kind. A delivery is sent only under its row's lock, so two workers never send it at once.
/// </summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = "archive_id, email, name, attach, state, attempts, last_reply, message_id, sent_at";

    /// <summary>
    /// The deliveries of an entry, made from its recipients the first time (later changes to the list do not add to
    /// a report already delivered). The Message-ID is fixed here, so every attempt of a delivery carries the same one.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRecord>> EnsureAsync(string archiveId, IEnumerable<Recipient> recipients, string messageIdDomain,
        CancellationToken cancellationToken = default)
    {
        foreach (var recipient in recipients)
        {
            await dataSource.ExecuteAsync(
                """
                INSERT INTO reportengine.deliveries (archive_id, email, name, attach, state, message_id) VALUES ($1, $2, $3, $4, 'pending', $5)
                ON CONFLICT (archive_id, lower(email)) DO NOTHING
                """, cancellationToken, archiveId, recipient.Email, recipient.Name, recipient.Attach, MessageId(archiveId, recipient.Email, messageIdDomain));
        }
        return await ListAsync(archiveId, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string? archiveId = null, CancellationToken cancellationToken = default) =>
        dataSource.QueryAsync($"SELECT {Columns} FROM reportengine.deliveries WHERE $1::text IS NULL OR archive_id = $1 ORDER BY created_at, archive_id, lower(email)",
            Read, cancellationToken, new NpgsqlParameter { Value = (object?)archiveId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });

    /// <summary>Locks one delivery's row until the claim is disposed: a second worker waits, then finds it sent.</summary>
    public async Task<DeliveryClaim?> ClaimAsync(string archiveId, string email, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var select = new NpgsqlCommand(
                $"SELECT {Columns} FROM reportengine.deliveries WHERE archive_id = $1 AND lower(email) = lower($2) FOR UPDATE", connection, transaction)
            {
                Parameters = { new() { Value = archiveId }, new() { Value = email } },
            };
            DeliveryRecord? record;
            // The reader goes before its connection can: disposed after the connection went back to the pool, it would
            // close whatever reader another caller has on that connection now (Npgsql reuses the object).
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                record = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
            if (record is null)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new DeliveryClaim(record, connection, transaction, clock);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Records a copy the mail server accepted when its claim could not (the claim's connection was lost on the way):
    /// without the lock, so it must not undo a later outcome, and a delivery sent already stays as it was.
    /// </summary>
    public Task RecordSentAsync(string archiveId, string email, string reply, CancellationToken cancellationToken = default) =>
        dataSource.ExecuteAsync($"{DeliveryClaim.MarkSent} AND state <> 'sent'", cancellationToken, archiveId, email, DeliveryClaim.Shorten(reply), clock.GetUtcNow());

    /// <summary><c>&lt;ARCHIVE-ID.RECIPIENT-HASH@DOMAIN&gt;</c>: the same for every attempt, so that a copy sent twice is recognisable as one message.</summary>
    public static string MessageId(string archiveId, string email, string domain) =>
        $"{archiveId}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16]}@{domain}";

    private static DeliveryRecord Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.TextOrNull(2), r.GetBoolean(3), r.GetString(4), r.GetInt32(5), r.TextOrNull(6), r.GetString(7), r.TimeOrNull(8));
}

/// <summary>One delivery, locked for sending; each outcome is committed at once, which ends the claim.</summary>
public sealed class DeliveryClaim(DeliveryRecord record, NpgsqlConnection connection, NpgsqlTransaction transaction, TimeProvider clock) : IAsyncDisposable
{
    public DeliveryRecord Record { get; } = record;

    internal const string MarkSent =
        "UPDATE reportengine.deliveries SET state = 'sent', attempts = attempts + 1, last_reply = $3, sent_at = $4, updated_at = $4 WHERE archive_id = $1 AND lower(email) = lower($2)";

    public Task SentAsync(string reply, CancellationToken cancellationToken) => FinishAsync(MarkSent, reply, cancellationToken);

    /// <summary>A temporary failure: counted, and the delivery stays pending.</summary>
    public Task NotYetAsync(string reply, CancellationToken cancellationToken) =>
        FinishAsync("UPDATE reportengine.deliveries SET state = 'pending', attempts = attempts + 1, last_reply = $3, updated_at = $4 WHERE archive_id = $1 AND lower(email) = lower($2)",
            reply, cancellationToken);

    /// <summary>A permanent failure: recorded with the reply and not tried again unless asked (<c>deliver --retry-failed</c>).</summary>
    public Task FailedAsync(string reply, CancellationToken cancellationToken) =>
        FinishAsync("UPDATE reportengine.deliveries SET state = 'failed', attempts = attempts + 1, last_reply = $3, updated_at = $4 WHERE archive_id = $1 AND lower(email) = lower($2)",
            reply, cancellationToken);

    private async Task FinishAsync(string sql, string reply, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync(sql, cancellationToken, Record.ArchiveId, Record.Email, Shorten(reply), clock.GetUtcNow());
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A server's reply as kept: its first 500 characters.</summary>
    internal static string Shorten(string reply) => reply.Length > 500 ? reply[..500] : reply;

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
