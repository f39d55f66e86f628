using Npgsql;
using NpgsqlTypes;
using ReportEngine.Archive;

namespace ReportEngine.PostgreSql;

/// <summary>
/// The archive's objects and checkpoints in PostgreSQL (migration 0009): content-addressed and written once, both
/// enforced by the database, so that every <c>serve</c> sharing the database shares the archive.
/// </summary>
public sealed class PostgresObjectStore(NpgsqlDataSource dataSource) : IObjectStore
{
    private const string Objects = $"{EvidenceDatabase.Schema}.archive_objects";
    private const string Checkpoints = $"{EvidenceDatabase.Schema}.archive_checkpoints";

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {Objects} WHERE sha256 = $1)");
        command.Parameters.Add(new() { Value = sha256 });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task PutAsync(string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"INSERT INTO {Objects} (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING");
        command.Parameters.Add(new() { Value = sha256 });
        command.Parameters.Add(new() { Value = bytes, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT content FROM {Objects} WHERE sha256 = $1");
        command.Parameters.Add(new() { Value = sha256 });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM {Objects} WHERE sha256 = $1");
        command.Parameters.Add(new() { Value = sha256 });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IAsyncDisposable> HoldAsync(ObjectsAccess access, CancellationToken cancellationToken) =>
        AdvisoryObjectsHold.TakeAsync(dataSource, access, cancellationToken);

    public async Task PutCheckpointAsync(long seq, byte[] body, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"INSERT INTO {Checkpoints} (seq, body) VALUES ($1, $2) ON CONFLICT (seq) DO NOTHING");
        command.Parameters.Add(new() { Value = seq });
        command.Parameters.Add(new() { Value = body, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(long Seq, byte[] Body)>> CheckpointsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT seq, body FROM {Checkpoints} ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checkpoints = new List<(long, byte[])>();
        while (await reader.ReadAsync(cancellationToken)) checkpoints.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
        return checkpoints;
    }
}
