using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Service.Web.Security;

/// <summary><c>Authorization: Bearer TOKEN</c> for the API: the token's hash is looked up; a refused token is audited.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    FailureThrottle throttle,
    TimeProvider clock,
    AuditLog audit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var address = Context.Address();
        var admission = throttle.Admit(address, clock.GetUtcNow());
        if (admission != Admission.Admitted)
        {
            Context.Items[typeof(FailureThrottle)] = admission;
            if (admission == Admission.RefusedFirst)
                await audit.WriteAsync(new AuditEvent("token", "sign-in.token", "rate-limited", Address: address, Detail: throttle.BurstDetail));
            return AuthenticateResult.Fail("too many failed sign-ins from this address");
        }
        var (account, refusal) = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (account is null)
        {
            throttle.Fail(address);
            await audit.WriteAsync(new AuditEvent("token", "sign-in.token", "refused", Address: address, Detail: refusal));
            return AuthenticateResult.Fail(refusal!);
        }
        SignedInAccount.Remember(Context, account);
        return AuthenticateResult.Success(new AuthenticationTicket(SignedInAccount.PrincipalOf(account, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(typeof(FailureThrottle)))
        {
            Response.Headers.RetryAfter = ((int)FailureThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.WriteAsync(Context, 429, "Too many failed sign-ins", "Too many failed sign-ins from your address; try again in a minute.");
        }
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, 401, "Sign-in needed", "Send an API token as 'Authorization: Bearer TOKEN'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, 403, "Not allowed", "Your role does not allow this.");
}
