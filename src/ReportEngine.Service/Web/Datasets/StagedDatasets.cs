using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReportEngine.PostgreSql;

namespace ReportEngine.Service.Web.Datasets;

/// <summary>
/// Uploaded datasets waiting for "Import", in PostgreSQL so that whichever <c>serve</c> answers the import has them. A
/// dataset is imported once: the import holds its row locked and marks it imported in the same transaction.
/// </summary>
public sealed class StagedDatasets(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task KeepAsync(StagedDataset staged, byte[] files, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("INSERT INTO reportengine.staged_datasets (id, authority, uploaded_by, uploaded_at, files, preview) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, staged.Id, staged.Authority, staged.UploadedBy, staged.UploadedAt, files,
            new NpgsqlParameter { Value = JsonSerializer.Serialize(staged.Preview, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });

    public async Task<StagedDataset?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync("SELECT id, authority, uploaded_by, uploaded_at, imported_at, preview::text FROM reportengine.staged_datasets WHERE id = $1",
            Read, cancellationToken, id)).SingleOrDefault();

    /// <summary>
    /// Locks the staged dataset for its import: <paramref name="import"/> is given its files, and the dataset is marked
    /// imported only when it returns. Null when there is no such dataset; the dataset as it stood, not imported, when
    /// <paramref name="mayImport"/> says no (imported already, or uploaded too long ago).
    /// </summary>
    public async Task<(StagedDataset Dataset, bool Imported)?> ImportOnceAsync(Guid id, Func<StagedDataset, bool> mayImport, Func<byte[], Task> import,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await transaction.QueryAsync(
            "SELECT id, authority, uploaded_by, uploaded_at, imported_at, preview::text, files FROM reportengine.staged_datasets WHERE id = $1 FOR UPDATE",
            r => (Staged: Read(r), Files: r.GetFieldValue<byte[]>(6)), cancellationToken, id);
        if (rows.Count == 0) return null;
        var (staged, files) = rows[0];
        if (!mayImport(staged)) return (staged, false);
        await import(files);
        // The files are not needed once imported; the row stays, so that a second import is told it was done.
        await transaction.ExecuteAsync("UPDATE reportengine.staged_datasets SET imported_at = $2, files = ''::bytea WHERE id = $1", cancellationToken, id, now);
        await transaction.CommitAsync(cancellationToken);
        return (staged with { ImportedAt = now }, true);
    }

    /// <summary>The files of uploads made before <paramref name="before"/> go (they can no longer be imported); their rows say so.</summary>
    public Task<int> ForgetFilesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("UPDATE reportengine.staged_datasets SET files = ''::bytea WHERE uploaded_at < $1 AND length(files) > 0", cancellationToken, before);

    private static StagedDataset Read(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.TimeOrNull(4),
            JsonSerializer.Deserialize<DatasetPreview>(r.GetString(5), Json)!);
}
