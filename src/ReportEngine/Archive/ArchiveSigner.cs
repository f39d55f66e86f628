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

    /// <summary>Loads the private key, or creates it (0600) when the file does not exist; then makes sure the store holds its public key.</summary>
    public static ArchiveSigner OpenOrCreate(string privateKeyFile, ContentStore store)
    {
        var path = Path.GetFullPath(privateKeyFile);
        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            try
            {
                key.ImportFromPem(File.ReadAllText(path));
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new ArchiveKeyException($"The archive signing key {path} is not an ECDSA private key in PEM: {ex.Message}");
            }
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Created with its mode, so no moment exists in which others could read it.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var file = new FileStream(path, create);
            using (var writer = new StreamWriter(file)) writer.Write(key.ExportPkcs8PrivateKeyPem());
        }
        var signer = new ArchiveSigner(key);
        var published = Path.Combine(store.Root, PublicKeyFileName);
        if (!File.Exists(published))
        {
            Directory.CreateDirectory(store.Root);
            File.WriteAllText(published, signer.PublicKeyPem);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(published, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        else if (File.ReadAllText(published).Trim() != signer.PublicKeyPem.Trim())
        {
            signer.Dispose();
            throw new ArchiveKeyException($"The signing key {path} is not the key of this archive: its public key differs from {published}.");
        }
        return signer;
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
