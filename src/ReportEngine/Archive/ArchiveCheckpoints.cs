using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReportEngine.Archive;

/// <summary>
/// Signed checkpoints of the chain, one per record, written once into the file store (<c>checkpoints/000000000042.json</c>,
/// read-only): the file store's own memory of every link, so that rows lost or rolled back in the database are caught by
/// the files, and checkpoints lost or rolled back in the files are caught by the rows.
/// </summary>
public sealed class ArchiveCheckpoints(ContentStore store)
{
    private string Folder => Path.Combine(store.Root, "checkpoints");

    public string PathOf(long seq) => Path.Combine(Folder, $"{seq.ToString("D12", CultureInfo.InvariantCulture)}.json");

    public bool Exists(long seq) => File.Exists(PathOf(seq));

    /// <summary>Writes the checkpoint of <paramref name="record"/> unless it exists (write-once: an existing one is never replaced).</summary>
    public async Task WriteAsync(ArchiveRecord record, ArchiveSigner signer, CancellationToken cancellationToken)
    {
        var checkpoint = new Checkpoint(record.Seq, record.Hash, signer.Sign(Checkpoint.Digest(record.Seq, record.Hash)));
        await ContentStore.WriteOnceAsync(PathOf(record.Seq), JsonSerializer.SerializeToUtf8Bytes(checkpoint), cancellationToken);
    }

    /// <summary>Every checkpoint on disk; a file that cannot be read comes back as a checkpoint with no hash, which never verifies.</summary>
    public IReadOnlyList<Checkpoint> ReadAll()
    {
        if (!Directory.Exists(Folder)) return [];
        var checkpoints = new List<Checkpoint>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            if (!long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) continue;
            try
            {
                var checkpoint = JsonSerializer.Deserialize<Checkpoint>(File.ReadAllBytes(path));
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
