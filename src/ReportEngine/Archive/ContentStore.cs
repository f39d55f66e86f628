using System.Security.Cryptography;

namespace ReportEngine.Archive;

/// <summary>
/// Files stored once under their SHA-256 (<c>objects/ab/abcdef…</c>): written to a temporary file, flushed to disk,
/// renamed into place and made read-only. Storing the same bytes twice stores them once.
/// </summary>
public sealed class ContentStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Where an object lives; the name comes from the index, so anything but 64 hex digits is refused.</summary>
    public string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Root, "objects", sha256[..2], sha256)
            : throw new Packs.UnsafePathException($"'{(sha256.Length > 80 ? sha256[..80] + "…" : sha256)}' is not the SHA-256 of an archived object");

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public async Task<string> PutAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        var sha = Sha256(bytes);
        await WriteOnceAsync(PathOf(sha), bytes, cancellationToken);
        return sha;
    }

    /// <summary>
    /// Writes a file that is never replaced: to a temporary file, flushed, made read-only, then renamed into place.
    /// When the file exists already (another writer got there first), it is left as it is.
    /// </summary>
    internal static async Task WriteOnceAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = await Packs.PackOutput.WriteTempAsync(path, bytes, cancellationToken);
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer stored the same bytes first.
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken = default) =>
        await File.ReadAllBytesAsync(PathOf(sha256), cancellationToken);

    /// <summary>Null when the file is missing; otherwise whether its bytes still hash to its name.</summary>
    public async Task<bool?> IsIntactAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)) == sha256;
    }

    public void Delete(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) File.Delete(path);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
