using ReportEngine.Foundation;
using System.Security.Cryptography;

namespace ReportEngine.Archive;

/// <summary>
/// The archive's signing key: an ECDSA P-256 key pair whose private half lives in a file the database never sees
/// (created on first use, mode 0600) and whose public half is stored beside the objects, so that anyone can verify the
/// archive without the secret. Every record and every checkpoint is signed with it.
/// </summary>
public sealed class ArchiveSigner : IDisposable
{
    public const string PublicKeyFileName = "public-key.pem";

    private readonly ECDsa _key;

    private ArchiveSigner(ECDsa key) => _key = key;

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>
    /// Loads the private key (refused when others may read it), or creates it (0600) when the file does not exist and the
    /// archive has no key yet; then makes sure the store holds its public key. Several processes starting on one archive at once may all find no key: one creates each file, the others read
    /// what it wrote.
    /// </summary>
    public static ArchiveSigner OpenOrCreate(string privateKeyFile, ContentStore store)
    {
        var path = Path.GetFullPath(privateKeyFile);
        var published = Path.Combine(store.Root, PublicKeyFileName);
        // A published public key says a key was made for this archive: a missing private key is lost, not yet to be made.
        // The public key is looked for first: a starter creates the private key before it publishes the public one, so a
        // public key seen here means its private key already exists. Asked the other way round, a starter could miss the
        // private key, then see the public key another starter published in between, and call a new key lost.
        if (File.Exists(published) && !File.Exists(path))
            throw new ArchiveKeyException($"The archive's signing key {path} is missing, but the archive has a key ({published}): " +
                                          "restore the key (from its backup) or set ReportEngine:Archive:SigningKeyFile to where it is.");
        var key = ECDsa.Create();
        var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (TryCreate(path, generated.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite))
            key.ImportPkcs8PrivateKey(generated.ExportPkcs8PrivateKey(), out _);
        else
        {
            if (PrivateFile.OthersMayReach(path))
            {
                key.Dispose();
                generated.Dispose();
                throw new ArchiveKeyException($"The archive signing key {path} can be read or written by others than its owner; make it private (chmod 600 {path}).");
            }
            WhenWritten(path, text => key.ImportFromPem(text), ex => $"The archive signing key {path} is not an ECDSA private key in PEM: {ex.Message}", key);
        }
        generated.Dispose();

        var signer = new ArchiveSigner(key);
        Directory.CreateDirectory(store.Root);
        if (!TryCreate(published, signer.PublicKeyPem, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead))
        {
            WhenWritten(published, text =>
            {
                if (text.Trim() != signer.PublicKeyPem.Trim()) throw new CryptographicException("another public key");
            }, _ => $"The signing key {path} is not the key of this archive: its public key differs from {published}.", signer._key);
        }
        return signer;
    }

    /// <summary>Creates the file with its mode and text, unless it exists (then false). No moment exists in which others could read a file with a looser mode.</summary>
    private static bool TryCreate(string path, string text, UnixFileMode mode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = mode;
        try
        {
            using var file = new FileStream(path, create);
            using var writer = new StreamWriter(file);
            writer.Write(text);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a key file with <paramref name="use"/>; a file another process has only just created may not be written
    /// whole yet, so a file younger than a few seconds that does not read is read again a moment later.
    /// </summary>
    private static void WhenWritten(string path, Action<string> use, Func<Exception, string> problem, ECDsa key)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                use(File.ReadAllText(path));
                return;
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                if (attempt < 50 && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < TimeSpan.FromSeconds(5))
                {
                    Thread.Sleep(100);
                    continue;
                }
                key.Dispose();
                throw new ArchiveKeyException(problem(ex));
            }
        }
    }

    /// <summary>A signature over a SHA-256 given in hex, base64 (IEEE P1363, 64 bytes).</summary>
    public string Sign(string sha256Hex) =>
        Convert.ToBase64String(_key.SignHash(Convert.FromHexString(sha256Hex), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>Gives a record its hash and its signature.</summary>
    public ArchiveRecord Seal(ArchiveRecord record)
    {
        var hash = record.ComputeHash();
        return record with { Hash = hash, Signature = Sign(hash) };
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>
/// Checks signatures with the archive's public key only: what an inspector's copy of the verifier needs, never the secret.
/// </summary>
public sealed class ArchiveSignatures : IDisposable
{
    private readonly ECDsa _key;

    private ArchiveSignatures(ECDsa key, string source)
    {
        _key = key;
        Source = source;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>Where the public key came from.</summary>
    public string Source { get; }

    /// <summary>The first 16 hex digits of the SHA-256 of the public key, to compare with a copy kept elsewhere.</summary>
    public string Fingerprint { get; }

    /// <summary>The public key beside the objects, or the copy in <paramref name="publicKeyFile"/>; a missing key is an error, never a pass.</summary>
    public static ArchiveSignatures Load(ContentStore store, string? publicKeyFile = null)
    {
        var path = Path.GetFullPath(publicKeyFile ?? Path.Combine(store.Root, ArchiveSigner.PublicKeyFileName));
        if (!File.Exists(path))
        {
            throw new ArchiveKeyException(publicKeyFile is null
                ? $"The archive's public key {path} is missing, so no signature can be checked; give a copy with --public-key FILE."
                : $"The public key {path} does not exist.");
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ArchiveKeyException($"{path} is not an ECDSA public key in PEM: {ex.Message}");
        }
        return new ArchiveSignatures(key, path);
    }

    public bool IsValid(string sha256Hex, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || sha256Hex.Length != 64) return false;
        try
        {
            return _key.VerifyHash(Convert.FromHexString(sha256Hex), Convert.FromBase64String(signature), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>The signing key or the public key is missing, unreadable or not this archive's.</summary>
public sealed class ArchiveKeyException(string message) : Foundation.PermanentFailureException(message);
