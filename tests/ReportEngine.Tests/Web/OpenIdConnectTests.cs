using System.Net;

namespace ReportEngine.Tests.Web;

/// <summary>Sign-in with OpenID Connect against a real provider: matched by email to an enabled account, refused otherwise.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OpenIdConnectTests(DashboardFixture dashboard) : IAsyncLifetime
{
    private readonly TempFolder _output = new();
    private TestOidcProvider _provider = null!;
    private ServeProcess _serve = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        _serve = await ServeProcess.StartAsync(dashboard.Database, _output.Path, new Dictionary<string, string>
        {
            ["ReportEngine__Auth__Oidc__Authority"] = _provider.Url,
            ["ReportEngine__Auth__Oidc__ClientId"] = TestOidcProvider.ClientId,
            ["ReportEngine__Auth__Oidc__ClientSecret"] = TestOidcProvider.ClientSecret,
            ["ReportEngine__Auth__Oidc__DisplayName"] = "Sign in with Northdale account",
            ["ReportEngine__Archive__Folder"] = dashboard.ArchiveFolder, // a second service on the database shares its archive, and so the key that signs the audit rows
        });
    }

    public async Task DisposeAsync()
    {
        await _serve.DisposeAsync();
        await _provider.DisposeAsync();
        _output.Dispose();
    }

    private async Task<HttpResponseMessage> SignInWithProviderAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/sign-in");
        Assert.Contains("Sign in with Northdale account", page);
        return await client.PostAsync("/sign-in?handler=Oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/archive", ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(page),
        }));
    }

    private HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(_serve.Url), Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_person_with_an_account_signs_in_through_the_provider_and_lands_where_they_were_going()
    {
        _provider.Email = DashboardFixture.Viewer.Email.ToUpperInvariant(); // the directory's spelling of the address
        var before = await dashboard.LastAuditIdAsync();
        using var client = Browser();
        var landed = await SignInWithProviderAsync(client);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/archive", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Sign out", await landed.Content.ReadAsStringAsync());
        Assert.Contains(await dashboard.AuditAsync(before),
            a => a.Action == "sign-in.oidc" && a.Outcome == "succeeded" && a.Actor == $"person:{DashboardFixture.Viewer.Email}");
        // The session is the account's: a Viewer still may not reach Admin's pages.
        Assert.Equal("/not-allowed", (await client.GetAsync("/admin/users")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_person_without_an_account_is_refused_with_no_self_registration()
    {
        _provider.Email = "stranger@elsewhere.gov.uk";
        var before = await dashboard.LastAuditIdAsync();
        using var client = Browser();
        var landed = await SignInWithProviderAsync(client);
        Assert.Equal("/sign-in", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("could not sign you in", await landed.Content.ReadAsStringAsync());
        Assert.Equal("/sign-in", (await client.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(await dashboard.AuditAsync(before),
            a => a.Action == "sign-in.oidc" && a.Outcome == "refused" && a.Detail == "no account for this email");
        Assert.DoesNotContain("stranger@elsewhere.gov.uk", CliProcess.Run(dashboard.CliEnvironment, "users", "list", "--db", dashboard.Database).Out);
    }
}
