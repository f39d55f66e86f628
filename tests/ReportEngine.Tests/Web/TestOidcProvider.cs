using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ReportEngine.Tests.Web;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server, in the test process, on its own port) standing in for
/// Microsoft Entra ID: discovery, the authorization code flow with PKCE, signed identity tokens. Whoever it is told
/// is at the keyboard (<see cref="Email"/>) signs in at once, as a person already signed in to the council's directory would.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "reportengine";
    public const string ClientSecret = "a client secret the test shares with serve";

    private readonly WebApplication _app;

    private TestOidcProvider(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The person signed in at the provider.</summary>
    public string Email { get; set; } = "";

    public static async Task<TestOidcProvider> StartAsync()
    {
        var port = ServeProcess.FreePort();
        var url = $"http://127.0.0.1:{port}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        TestOidcProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri(url));
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            // No database of clients: the one client is checked by the two handlers below.
            options.EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "unknown client");
                else if (!Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var redirect) || !redirect.IsLoopback || redirect.AbsolutePath != "/signin-oidc")
                    context.Reject(Errors.InvalidRequest, "unknown redirect_uri");
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "wrong client credentials");
                return default;
            }));
        });
        var app = builder.Build();
        provider = new TestOidcProvider(app, url);
        app.MapGet("/connect/authorize", (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, provider.Email));
            identity.AddClaim(new Claim(Claims.Email, provider.Email));
            identity.AddClaim(new Claim(Claims.Name, provider.Email.Split('@')[0]));
            foreach (var claim in identity.Claims) claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
