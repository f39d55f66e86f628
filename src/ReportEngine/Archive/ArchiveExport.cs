using System.Text.Json;

namespace ReportEngine.Archive;

/// <summary>
/// Copies an entry's files out of the archive. Everything is checked before the first file is written: the entry's
/// record and each object (<see cref="ArchiveReader"/>) and every path the files will take, so a refusal leaves nothing
/// half exported.
/// </summary>
public sealed class ArchiveExport(ArchiveCatalog catalog, ArchiveReader reader)
{
    /// <param name="publicKeyFile">A copy of the archive's public key kept elsewhere (a machine whose folder has none).</param>
    public async Task<IReadOnlyList<string>> GetAsync(string id, string folder, string? publicKeyFile = null, CancellationToken cancellationToken = default)
    {
        var entry = await catalog.GetEntryAsync(id, cancellationToken);
        var files = new List<(string Path, byte[] Bytes)>();
        async Task Add(string role, string name)
        {
            if (await reader.ReadAsync(entry, role, cancellationToken, publicKeyFile) is { } bytes) files.Add((Foundation.SafePath.Combine(folder, name), bytes));
        }
        var stem = entry.Parameter is null ? $"{entry.Authority}-{entry.Period}-{entry.Kind}" : $"{entry.Authority}-{entry.Period}-{entry.Kind}-{entry.Parameter}";
        await Add(ArchiveFile.Pdf, $"{stem}.pdf");
        await Add(ArchiveFile.PdfA, $"{stem}-pdfa.pdf");
        await Add(ArchiveFile.Metrics, "metrics.json");
        await Add(ArchiveFile.Snapshot, "snapshot.json.gz");
        await Add(ArchiveFile.Review, "review.json");
        var manifest = TemplateManifest.FromBytes((await reader.ReadAsync(entry, ArchiveFile.Templates, cancellationToken, publicKeyFile))!);
        foreach (var (path, sha) in manifest.Files)
            files.Add((Foundation.SafePath.Combine(folder, ["templates", .. path.Split('/')]), await reader.ObjectAsync(entry, sha, $"template {path}", cancellationToken)));
        files.Add((Foundation.SafePath.Combine(folder, "entry.json"), JsonSerializer.SerializeToUtf8Bytes(entry, new JsonSerializerOptions { WriteIndented = true })));

        foreach (var (path, bytes) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        }
        return [.. files.Select(f => f.Path)];
    }
}
