using ReportEngine.Foundation;
using System.Security.Cryptography;

namespace ReportEngine.Archive;

/// <summary>
/// The archive's storage: content-addressed objects and checkpoints in an <see cref="IObjectStore"/> (files under
/// <see cref="Root"/> unless another store is given), and this machine's own folder <see cref="Root"/> for what belongs
/// to it: the published public key, markers of writes in progress and temporary files. Storing the same bytes twice
/// stores them once.
/// </summary>
public sealed class ContentStore(string root, IObjectStore? objects = null)
{
    public string Root { get; } = Path.GetFullPath(root);

    public IObjectStore Objects { get; } = objects ?? new FileObjectStore(root);

    /// <summary>The file of an object, when objects are files (tests tamper with them).</summary>
    public string PathOf(string sha256) => Objects is FileObjectStore files ? files.PathOf(Checked(sha256))
        : throw new InvalidOperationException("The archive's objects are not files");

    /// <summary>An object's name comes from the index, so anything but 64 lowercase hex digits is refused.</summary>
    private static string Checked(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? sha256
            : throw new Foundation.UnsafePathException($"'{(sha256.Length > 80 ? sha256[..80] + "…" : sha256)}' is not the SHA-256 of an archived object");

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => Objects.ExistsAsync(Checked(sha256), cancellationToken);

    public async Task<string> PutAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        var sha = Sha256(bytes);
        await Objects.PutAsync(sha, bytes, cancellationToken);
        return sha;
    }

    public async Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken = default) =>
        await FindAsync(sha256, cancellationToken) ?? throw new FileNotFoundException($"The archive has no object {sha256}");

    /// <summary>An object's bytes as stored (not checked against its name); null when it is missing.</summary>
    public Task<byte[]?> FindAsync(string sha256, CancellationToken cancellationToken = default) => Objects.GetAsync(Checked(sha256), cancellationToken);

    /// <summary>Null when the object is missing; otherwise whether its bytes still hash to its name.</summary>
    public async Task<bool?> IsIntactAsync(string sha256, CancellationToken cancellationToken = default) =>
        await FindAsync(sha256, cancellationToken) is { } bytes ? Sha256(bytes) == sha256 : null;

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken = default) => Objects.DeleteAsync(Checked(sha256), cancellationToken);

    /// <inheritdoc cref="IObjectStore.HoldAsync"/>
    public Task<IAsyncDisposable> HoldAsync(ObjectsAccess access, CancellationToken cancellationToken = default) => Objects.HoldAsync(access, cancellationToken);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
