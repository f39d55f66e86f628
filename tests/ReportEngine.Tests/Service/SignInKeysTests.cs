using System.Net;
using Npgsql;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Web;

namespace ReportEngine.Tests.Service;

/// <summary>
/// ASP.NET Core Data Protection's keys in PostgreSQL, encrypted with a certificate kept outside it: two <c>serve</c>
/// processes on one database (two ports, as behind one load balancer) accept each other's sign-in cookie, and still do
/// after both restart; a certificate that went missing stops start-up with one line naming it.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class SignInKeysTests(PostgresFixture postgres) : IDisposable
{
    private const string Email = "admin@northdale.gov.uk";
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    private Dictionary<string, string> Machine(string name) => new()
    {
        ["ReportEngine__Archive__Folder"] = Path.Combine(_work.Path, name, "archive"),
        ["ReportEngine__Archive__SigningKeyFile"] = _work.File("signing-key.pem"),
        ["ReportEngine__Archive__Objects"] = "postgresql",
        [ServeProcess.SignInKeyFileSetting] = _work.File("sign-in-key.pem"),
    };

    private static async Task<HttpStatusCode> HomeAsync(ServeProcess serve, CookieContainer cookies)
    {
        using var client = serve.Client(cookies);
        return (await client.GetAsync("/")).StatusCode;
    }

    [Fact]
    public async Task A_person_signed_in_on_one_serve_is_signed_in_on_another_and_after_both_restart()
    {
        var database = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), Repo.Sample);
        Assert.Equal(0, CliProcess.RunWithInput(Machine("cli"), DashboardFixture.Password + "\n", "users", "add", Email, "--role", "Admin", "--name", "Ad Min",
            "--password-stdin", "--db", database).Exit);
        var cookies = new CookieContainer();
        await using (var one = await ServeProcess.StartAsync(database, Path.Combine(_work.Path, "one"), Machine("one")))
        await using (var two = await ServeProcess.StartAsync(database, Path.Combine(_work.Path, "two"), Machine("two")))
        {
            Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(two, cookies));
            using (var client = one.Client(cookies))
                Assert.Equal(HttpStatusCode.Redirect, (await DashboardFixture.SignInAsync(client, Email, DashboardFixture.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, await HomeAsync(one, cookies));
            // The cookie one made (cookies are not kept apart by port): the other reads it with the same keys.
            Assert.Equal(HttpStatusCode.OK, await HomeAsync(two, cookies));
            // A form one gave, sent to the other: its antiforgery token is protected with the same keys.
            using var onePages = one.Client(cookies);
            using var twoPages = two.Client(cookies);
            var form = await twoPages.PostAsync("/subscriptions", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["authority"] = "NDC", ["kind"] = "monthly", ["subscribe"] = "true",
                ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await onePages.GetStringAsync("/subscriptions")),
            }));
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        // At rest the keys are encrypted: the database holds no key's value in the clear.
        await using (var source = NpgsqlDataSource.Create(database))
        await using (var command = source.CreateCommand("SELECT string_agg(xml, '') FROM reportengine.sign_in_keys"))
        {
            var stored = (string)(await command.ExecuteScalarAsync())!;
            Assert.Contains("EncryptedData", stored);
            Assert.DoesNotContain("<value>", stored);
        }

        await using (var one = await ServeProcess.StartAsync(database, Path.Combine(_work.Path, "one"), Machine("one")))
        await using (var two = await ServeProcess.StartAsync(database, Path.Combine(_work.Path, "two"), Machine("two")))
        {
            Assert.Equal(HttpStatusCode.OK, await HomeAsync(one, cookies));
            Assert.Equal(HttpStatusCode.OK, await HomeAsync(two, cookies));
        }

        // The certificate lost: serve does not start, in one line naming the file, and makes none in its place.
        var keyFile = _work.File("sign-in-key.pem");
        File.Move(keyFile, keyFile + ".kept");
        var machine = Machine("one");
        foreach (var (key, value) in ServeProcess.Settings(Path.Combine(_work.Path, "one"))) machine.TryAdd(key.Replace(":", "__", StringComparison.Ordinal), value);
        var (exit, stdout, stderr) = CliProcess.Run(machine, "serve", "--db", database, "--urls", $"http://127.0.0.1:{ServeProcess.FreePort()}");
        Assert.Equal(1, exit);
        // The person's line (standard error) is one sentence; the log (standard output, JSON) keeps the detail for IT.
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"The sign-in key file {keyFile} is missing, but the database holds sign-in keys encrypted with it", line);
        Assert.Contains("Hosting failed to start", stdout);
        Assert.False(File.Exists(keyFile));

        // Another certificate in its place (a replica given the wrong secret): refused as well, not everyone signed out.
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=another", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var another = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem() + "\n" + another.ExportCertificatePem() + "\n");
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        (exit, _, stderr) = CliProcess.Run(machine, "serve", "--db", database, "--urls", $"http://127.0.0.1:{ServeProcess.FreePort()}");
        Assert.Equal(1, exit);
        Assert.StartsWith($"The sign-in keys in the database cannot be read with the certificate in {keyFile}", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
