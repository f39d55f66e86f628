using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Service.Web.Security;

/// <summary>
/// How people prove who they are: a session cookie for the pages (after a password or OpenID Connect sign-in) and a
/// bearer token for the API, chosen per request by the Authorization header.
/// </summary>
internal static class SignInSchemes
{
    public const string Either = "cookie-or-token";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Oidc = OpenIdConnectDefaults.AuthenticationScheme;

    public static void Add(IServiceCollection services, OidcOptions oidc)
    {
        var authentication = services.AddAuthentication(Either)
            .AddPolicyScheme(Either, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiTokenHandler.SchemeName : Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(Cookie, o =>
            {
                o.Cookie.Name = "reportengine.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                o.AccessDeniedPath = "/not-allowed";
                o.Events.OnValidatePrincipal = ValidateAsync;
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problems.WriteAsync(context.HttpContext, 401, "Sign-in needed", "Sign in, or send an API token as 'Authorization: Bearer TOKEN'.")
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Problems.WriteAsync(context.HttpContext, 403, "Not allowed", "Your role does not allow this.")
                    : Redirect(context);
            });
        if (!oidc.Enabled) return;
        authentication.AddOpenIdConnect(Oidc, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            // The code comes back in the query of a top-level redirect, so the correlation and nonce cookies can be
            // SameSite=Lax (form_post would need SameSite=None); with PKCE the code is useless to anyone who sees it.
            o.ResponseMode = "query";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
            o.SignInScheme = Cookie;
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = !oidc.IsLoopback;
            o.SaveTokens = false;
            o.Events.OnTokenValidated = MatchAccountAsync;
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/sign-in?failed=oidc");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every request: the account behind the cookie must still exist and be enabled, and the session must not have been
    /// ended since (signing out, a new password); its role is read afresh.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var account = SignedInAccount.AccountIdOf(context.Principal) is { } id ? await accounts.FindAsync(id, context.HttpContext.RequestAborted) : null;
        if (account is null or { Disabled: true } || !SignedInAccount.IsCurrent(context.Principal, account))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Cookie);
            return;
        }
        SignedInAccount.Remember(context.HttpContext, account);
        context.ReplacePrincipal(SignedInAccount.PrincipalOf(account, Cookie));
    }

    /// <summary>An OpenID Connect sign-in is matched by email to an enabled account; there is no self-registration.</summary>
    private static async Task MatchAccountAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = context.Principal!;
        var email = claims.FindFirst("email")?.Value ?? claims.FindFirst("preferred_username")?.Value ?? claims.FindFirst("upn")?.Value;
        var account = email is null ? null : await services.GetRequiredService<AccountStore>().FindAsync(email, context.HttpContext.RequestAborted);
        var audit = services.GetRequiredService<AuditLog>();
        if (account is null or { Disabled: true })
        {
            await audit.WriteAsync(new AuditEvent(email is null ? "oidc" : $"person:{email}", "sign-in.oidc", "refused", Address: context.HttpContext.Address(),
                Detail: email is null ? "the provider gave no email" : account is null ? "no account for this email" : "account disabled"));
            context.Fail("No enabled account matches this sign-in");
            return;
        }
        await audit.WriteAsync(new AuditEvent(account.Actor, "sign-in.oidc", "succeeded", Address: context.HttpContext.Address(),
            Detail: $"issuer {claims.FindFirst("iss")?.Value}"));
        context.Principal = SignedInAccount.PrincipalOf(account, Cookie);
    }
}
