using ReportEngine.Foundation;
using System.Text.Json;

namespace ReportEngine.Archive;

/// <summary>Copies an entry's files out of the archive, each checked against its hash first.</summary>
public sealed class ArchiveExport(ContentStore store, ArchiveCatalog catalog)
{
    public async Task<IReadOnlyList<string>> GetAsync(string id, string folder, CancellationToken cancellationToken = default)
    {
        var entry = await catalog.GetEntryAsync(id, cancellationToken);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        async Task Copy(string sha, string name)
        {
            var bytes = await store.GetAsync(sha, cancellationToken);
            if (ContentStore.Sha256(bytes) != sha) throw new ArchiveIntegrityException($"{id}: {name} has been altered in the archive");
            var path = Foundation.SafePath.Combine(folder, name.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            written.Add(path);
        }
        var stem = entry.Parameter is null ? $"{entry.Authority}-{entry.Period}-{entry.Kind}" : $"{entry.Authority}-{entry.Period}-{entry.Kind}-{entry.Parameter}";
        await Copy(entry.Files[ArchiveFile.Pdf], $"{stem}.pdf");
        if (await catalog.PdfAOfAsync(entry, cancellationToken) is { } pdfa) await Copy(pdfa, $"{stem}-pdfa.pdf");
        await Copy(entry.Files[ArchiveFile.Metrics], "metrics.json");
        await Copy(entry.Files[ArchiveFile.Snapshot], "snapshot.json.gz");
        var manifest = await TemplateManifest.LoadAsync(store, entry.Files[ArchiveFile.Templates], cancellationToken);
        foreach (var (path, sha) in manifest.Files) await Copy(sha, $"templates/{path}");
        var entryPath = Foundation.SafePath.Combine(folder, "entry.json");
        await File.WriteAllTextAsync(entryPath, JsonSerializer.Serialize(entry, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        written.Add(entryPath);
        return written;
    }
}
