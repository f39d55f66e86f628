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
    public static async Task<TemplateManifest> StoreAsync(TemplateSet templates, ContentStore store, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in templates.Paths.Order(StringComparer.Ordinal))
            files[path] = await store.PutAsync(Encoding.UTF8.GetBytes(templates.Text(path)), cancellationToken);
        return new TemplateManifest(templates.Kind, templates.Version, files);
    }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static TemplateManifest FromBytes(byte[] bytes) =>
        JsonSerializer.Deserialize<TemplateManifest>(bytes) ?? throw new InvalidDataException("The template manifest is empty.");

    /// <summary>Writes the files back as a templates folder (for re-rendering) and returns its root.</summary>
    public async Task WriteToAsync(ContentStore store, string templatesRoot, CancellationToken cancellationToken)
    {
        foreach (var (path, sha) in Files)
        {
            var target = Path.Combine(templatesRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, await store.GetAsync(sha, cancellationToken), cancellationToken);
        }
    }
}
