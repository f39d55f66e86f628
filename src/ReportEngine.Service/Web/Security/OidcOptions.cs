using Microsoft.Extensions.Options;

namespace ReportEngine.Service.Web.Security;

/// <summary>
/// OpenID Connect sign-in (<c>ReportEngine__Auth__Oidc__Authority</c>, <c>__ClientId</c>, <c>__ClientSecret</c>): Microsoft Entra ID in
/// most councils, <c>https://login.microsoftonline.com/TENANT/v2.0</c>. Off unless all three are set.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "ReportEngine:Auth:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in page's button says.</summary>
    public string DisplayName { get; set; } = "Sign in with your council account";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>Plain HTTP is accepted only from a provider on this machine (a test or a development provider).</summary>
    public bool IsLoopback => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}

internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var set = new[] { options.Authority, options.ClientId, options.ClientSecret }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set == 0) return ValidateOptionsResult.Success;
        if (set < 3) return ValidateOptionsResult.Fail("ReportEngine:Auth:Oidc: set Authority, ClientId and ClientSecret together, or none of them");
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            return ValidateOptionsResult.Fail($"ReportEngine:Auth:Oidc:Authority '{options.Authority}' must be an https:// address");
        return ValidateOptionsResult.Success;
    }
}
