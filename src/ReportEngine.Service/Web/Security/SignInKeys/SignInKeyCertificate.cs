using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using ReportEngine.Archive;
using ReportEngine.Foundation;
using ReportEngine.Hosting;

namespace ReportEngine.Service.Web.Security.SignInKeys;

/// <summary>
/// The certificate that encrypts the sign-in keys stored in PostgreSQL (<see cref="PostgresKeyRing"/>): a PEM file (an
/// RSA key and its self-signed certificate) that the database never sees, given to every <c>serve</c> as a secret, like
/// the archive's signing key. Made on first use (mode 0600) when missing; <see cref="CheckAsync"/> refuses to go on when
/// it was missing but the database already holds keys it encrypted.
/// </summary>
internal sealed class SignInKeyCertificate
{
    public const string Setting = "ReportEngine:SignIn:KeyFile";

    /// <summary>The PEM of a certificate made by this process because the file was missing: saved by <see cref="CheckAsync"/> once the database is known to hold no key, so a refused start writes nothing.</summary>
    private readonly string? _unsaved;

    private SignInKeyCertificate(string path, X509Certificate2 certificate, string? unsaved)
    {
        Path = path;
        Certificate = certificate;
        _unsaved = unsaved;
    }

    public string Path { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>The file <c>ReportEngine:SignIn:KeyFile</c> names; by default beside the archive's signing key.</summary>
    public static string PathIn(IConfiguration configuration)
    {
        if (configuration[Setting] is { Length: > 0 } given) return System.IO.Path.GetFullPath(given);
        return (configuration.GetSection(SettingNames.Archive).Get<ArchiveOptions>() ?? new ArchiveOptions()).BesideFolder("sign-in-key.pem");
    }

    /// <summary>Reads the file, or makes a new certificate in memory when there is none (saved later by <see cref="CheckAsync"/>).</summary>
    public static SignInKeyCertificate OpenOrMake(string path)
    {
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=ReportEngine sign-in keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            return new SignInKeyCertificate(path, made, rsa.ExportPkcs8PrivateKeyPem() + "\n" + made.ExportCertificatePem() + "\n");
        }
        if (PrivateFile.OthersMayReach(path))
            throw new SignInKeyException($"The sign-in key file {path} can be read or written by others than its owner; make it private (chmod 600 {path}).");
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(path);
            if (certificate.GetRSAPrivateKey() is null) throw new CryptographicException("it holds no RSA private key");
            return new SignInKeyCertificate(path, certificate, null);
        }
        catch (CryptographicException ex)
        {
            throw new SignInKeyException($"The sign-in key file {path} is not an RSA private key and its certificate in PEM: {ex.Message}");
        }
    }

    /// <summary>
    /// Before any request. A certificate made now beside keys already stored means the one that encrypted them is lost
    /// (or elsewhere): refused, and nothing saved, so every later start says so too instead of signing everyone out.
    /// Otherwise a certificate made now is saved (0600). Keys this certificate cannot read are refused as well.
    /// </summary>
    public async Task CheckAsync(PostgresKeyRing ring, IKeyManager keys, CancellationToken cancellationToken)
    {
        var setting = SettingNames.AsVariable(Setting);
        if (_unsaved is not null)
        {
            if (await ring.AnyAsync(cancellationToken))
                throw new SignInKeyException($"The sign-in key file {Path} is missing, but the database holds sign-in keys encrypted with it: " +
                                             $"restore it (from its backup) or set {setting} to where it is.");
            if (!TrySave(Path, _unsaved))
                throw new SignInKeyException($"Another serve made the sign-in key file {Path} at the same moment as this one: start this one again to use it.");
        }
        foreach (var key in keys.GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > DateTimeOffset.UtcNow))
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new SignInKeyException($"The sign-in keys in the database cannot be read with the certificate in {Path} ({ex.Message}): " +
                                             $"set {setting} to the file every other serve on this database uses.");
            }
        }
    }

    /// <summary>Writes the file beside its path (0600) and moves it into place, so no process reads half a file; false when another process got there first.</summary>
    private static bool TrySave(string path, string pem)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var staging = $"{path}.{Environment.ProcessId}.new";
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(new FileStream(staging, create))) writer.Write(pem);
        try
        {
            File.Move(staging, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(staging);
            return false;
        }
    }
}

/// <summary>The sign-in keys' certificate is missing, readable by others, or not a certificate: <c>serve</c> does not start.</summary>
internal sealed class SignInKeyException(string message) : PermanentFailureException(message);
