using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages;

/// <summary>Sign-in with email and password (lockout after five failures in a row), or with OpenID Connect when configured.</summary>
public sealed class SignInModel(AccountStore accounts, AuditLog audit, FailureThrottle throttle, TimeProvider clock, IOptions<OidcOptions> oidc) : PageModel
{
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? Failed { get; set; }

    public bool OidcEnabled => oidc.Value.Enabled;
    public string OidcName => oidc.Value.DisplayName;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim() ?? "";
        if (email.Length == 0) Errors["email"] = "Enter your email address";
        if (string.IsNullOrEmpty(Password)) Errors["password"] = "Enter your password";
        if (Errors.Count > 0) return Page();

        var admission = throttle.Admit(HttpContext.Address(), clock.GetUtcNow());
        if (admission != Admission.Admitted)
        {
            if (admission == Admission.RefusedFirst)
                await audit.WriteAsync(new AuditEvent($"person:{email}", "sign-in.password", "rate-limited", Address: HttpContext.Address(),
                    Detail: throttle.BurstDetail), cancellationToken);
            Errors["email"] = "There have been too many failed sign-ins from your network. Try again in a minute.";
            Response.StatusCode = 429;
            return Page();
        }
        var check = await accounts.CheckPasswordAsync(email, Password!, cancellationToken);
        if (check.Outcome != PasswordOutcome.Accepted) throttle.Fail(HttpContext.Address());
        var outcome = check.Outcome switch { PasswordOutcome.Accepted => "succeeded", PasswordOutcome.LockedOut => "locked-out", _ => "refused" };
        await audit.WriteAsync(new AuditEvent($"person:{email}", "sign-in.password", outcome, Address: HttpContext.Address(),
            Detail: check.AccountId is null ? "no such account" : null), cancellationToken);
        // One answer for every refusal (unknown, disabled, locked or a wrong password), so that it does not tell which
        // addresses have accounts; the audit log says which it was.
        if (check.Outcome != PasswordOutcome.Accepted || await accounts.FindAsync(check.AccountId!.Value, cancellationToken) is not { } account)
        {
            Errors["email"] = $"The email address or password is not right, or the account is locked: {AccountStore.FailuresBeforeLockout} failed " +
                              $"sign-ins in a row lock it for {AccountStore.Lockout.TotalMinutes:0} minutes";
            return Page();
        }
        await HttpContext.SignInAsync(SignInSchemes.Cookie, SignedInAccount.PrincipalOf(account, SignInSchemes.Cookie));
        return LocalRedirect(SafeReturn());
    }

    public IActionResult OnPostOidc() =>
        OidcEnabled ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturn() }, SignInSchemes.Oidc) : NotFound();

    /// <summary>Only a path of this site: a sign-in link cannot send a person on to another site.</summary>
    private string SafeReturn() => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";
}
