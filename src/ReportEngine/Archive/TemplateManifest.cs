using ReportEngine.Foundation;
using System.Text;
using System.Text.Json;
using ReportEngine.Templating;

namespace ReportEngine.Archive;

/// <summary>
/// The template files a pack was rendered with: each stored as its own object (so entries rendered with the same files
/// share them), listed by a manifest that is itself an object.
/// </summary>
public sealed record TemplateManifest(string Kind, string Version, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The manifest of a template set: each file's path and the SHA-256 of its UTF-8 bytes, in path order (so the same set gives the same bytes).</summary>
    public static TemplateManifest Of(TemplateSet templates) =>
        new(templates.Kind, templates.Version,
            templates.Paths.Order(StringComparer.Ordinal).ToDictionary(p => p, p => ContentStore.Sha256(Encoding.UTF8.GetBytes(templates.Text(p))), StringComparer.Ordinal));

    public static async Task<TemplateManifest> LoadAsync(ContentStore store, string sha256, CancellationToken cancellationToken) =>
        FromBytes(await store.GetAsync(sha256, cancellationToken));

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static TemplateManifest FromBytes(byte[] bytes) =>
        JsonSerializer.Deserialize<TemplateManifest>(bytes) ?? throw new InvalidDataException("The template manifest is empty.");

    /// <summary>Writes the files back as a templates folder (for re-rendering) and returns its root.</summary>
    public async Task WriteToAsync(ContentStore store, string templatesRoot, CancellationToken cancellationToken)
    {
        foreach (var (path, sha) in Files)
        {
            var target = Foundation.SafePath.Combine(templatesRoot, path.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, await store.GetAsync(sha, cancellationToken), cancellationToken);
        }
    }
}
