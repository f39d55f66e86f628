using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace ReportEngine.Templating;

/// <summary>
/// One report kind's templates (its own folder plus <c>shared/</c>), read once into memory. Its version is a hash
/// of every file's path and bytes, so a pack records exactly which wording and layout produced it.
/// </summary>
public sealed class TemplateSet
{
    public const string SharedFolder = "shared";

    private readonly FrozenDictionary<string, string> _files;

    private TemplateSet(string root, string kind, FrozenDictionary<string, string> files, string version)
    {
        Root = root;
        Kind = kind;
        _files = files;
        Version = version;
    }

    /// <summary>The templates root folder the set was read from.</summary>
    public string Root { get; }

    /// <summary>The report kind, which is also its folder name (e.g. <c>monthly</c>).</summary>
    public string Kind { get; }

    /// <summary>SHA-256 over the set's files (path and content, in path order), lower-case hex.</summary>
    public string Version { get; }

    /// <summary>Paths relative to the templates root, with forward slashes (<c>monthly/pack.sbn-html</c>).</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    public static TemplateSet Load(string templatesRoot, string kind)
    {
        var root = Path.GetFullPath(templatesRoot);
        var kindFolder = Path.Combine(root, kind);
        if (!Directory.Exists(kindFolder))
            throw new TemplateException($"templates/{kind}: the template folder does not exist under {root}");

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { kindFolder, Path.Combine(root, SharedFolder) }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file, Encoding.UTF8);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(Encoding.UTF8.GetBytes($"{path}\n{bytes.Length}\n"));
            hash.AppendData(bytes);
        }
        return new TemplateSet(root, kind, files.ToFrozenDictionary(StringComparer.Ordinal), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Resolves a template name as a template refers to it: first in the kind's folder, then in shared/.</summary>
    public string? Resolve(string name)
    {
        foreach (var candidate in new[] { $"{Kind}/{name}", $"{SharedFolder}/{name}", name })
        {
            if (_files.ContainsKey(candidate)) return candidate;
        }
        return null;
    }

    public string Text(string path) => _files[path];
}
