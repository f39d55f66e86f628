using Npgsql;
using ReportEngine.Archive;

namespace ReportEngine.PostgreSql;

/// <summary>
/// <see cref="ObjectsAccess"/> for objects in PostgreSQL: a session advisory lock, shared by writers and taken alone by
/// a remover, on a connection kept for it, so every machine sharing the database keeps to it. A writer waits in
/// PostgreSQL's queue; a remover only tries, again and again, so that one waiting (behind a write on a machine that
/// dropped off the network, whose session PostgreSQL has yet to end) never holds up the writes queued behind it.
/// </summary>
internal sealed class AdvisoryObjectsHold : IAsyncDisposable
{
    private const string Key = "hashtext('reportengine.archive_objects')";

    private readonly NpgsqlConnection _connection;
    private readonly string _suffix;

    private AdvisoryObjectsHold(NpgsqlConnection connection, ObjectsAccess access)
    {
        _connection = connection;
        _suffix = access == ObjectsAccess.Writing ? "_shared" : "";
    }

    public static async Task<IAsyncDisposable> TakeAsync(NpgsqlDataSource dataSource, ObjectsAccess access, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var hold = new AdvisoryObjectsHold(connection, access);
            if (access == ObjectsAccess.Writing) await hold.RunAsync("pg_advisory_lock", cancellationToken);
            else
                while (!(bool)(await hold.RunAsync("pg_try_advisory_lock", cancellationToken))!)
                    await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            return hold;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A pooled connection keeps its session, and with it the lock, until it is reset: unlock explicitly.
            await RunAsync("pg_advisory_unlock", CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone, and the lock with its session.
        }
        await _connection.DisposeAsync();
    }

    private async Task<object?> RunAsync(string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}{_suffix}({Key})", _connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
