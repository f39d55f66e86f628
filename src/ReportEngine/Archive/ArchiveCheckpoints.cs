using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReportEngine.Archive;

/// <summary>
/// Signed checkpoints of the chain, one per record, written once into the archive's store beside the objects (files:
/// <c>checkpoints/000000000042.json</c>, read-only): the store's own memory of every link, so that rows lost or rolled
/// back in the index are caught by the checkpoints, and checkpoints lost or rolled back are caught by the rows. (With the
/// objects in PostgreSQL too, a rollback of the whole database is caught by a head kept elsewhere: <c>verify --head</c>.)
/// </summary>
public sealed class ArchiveCheckpoints(ContentStore store)
{
    /// <summary>The file of a checkpoint, when the store is files (tests tamper with them).</summary>
    public string PathOf(long seq) => ((FileObjectStore)store.Objects).CheckpointPathOf(seq);

    /// <summary>Writes the checkpoint of <paramref name="record"/> unless it exists (write-once: an existing one is never replaced).</summary>
    public async Task WriteAsync(ArchiveRecord record, ArchiveSigner signer, CancellationToken cancellationToken)
    {
        var checkpoint = new Checkpoint(record.Seq, record.Hash, signer.Sign(Checkpoint.Digest(record.Seq, record.Hash)));
        await store.Objects.PutCheckpointAsync(record.Seq, JsonSerializer.SerializeToUtf8Bytes(checkpoint), cancellationToken);
    }

    /// <summary>Every checkpoint stored; one that cannot be read comes back as a checkpoint with no hash, which never verifies.</summary>
    public async Task<IReadOnlyList<Checkpoint>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new List<Checkpoint>();
        foreach (var (seq, body) in await store.Objects.CheckpointsAsync(cancellationToken))
        {
            try
            {
                var checkpoint = JsonSerializer.Deserialize<Checkpoint>(body);
                checkpoints.Add(checkpoint is not null && checkpoint.Seq == seq ? checkpoint : new Checkpoint(seq, "", ""));
            }
            catch (JsonException)
            {
                checkpoints.Add(new Checkpoint(seq, "", ""));
            }
        }
        return checkpoints.OrderBy(c => c.Seq).ToList();
    }
}

/// <summary>The file store's record that link <paramref name="Seq"/> of the chain had <paramref name="Hash"/>, signed.</summary>
public sealed record Checkpoint(long Seq, string Hash, string Signature)
{
    /// <summary>What a checkpoint's signature covers: its kind, its place and the record's hash, so it cannot pass for a record's signature.</summary>
    public static string Digest(long seq, string hash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"reportengine-checkpoint\n{seq.ToString(CultureInfo.InvariantCulture)}\n{hash}")));
}
