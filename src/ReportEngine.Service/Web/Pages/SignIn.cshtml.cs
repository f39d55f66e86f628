using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages;

/// <summary>Sign-in with email and password (lockout after five failures in a row), or with OpenID Connect when configured.</summary>
public sealed class SignInModel(AccountStore accounts, AuditLog audit, IOptions<OidcOptions> oidc) : PageModel
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

        var check = await accounts.CheckPasswordAsync(email, Password!, cancellationToken);
        var outcome = check.Outcome switch { PasswordOutcome.Accepted => "succeeded", PasswordOutcome.LockedOut => "locked-out", _ => "refused" };
        await audit.WriteAsync(new AuditEvent($"person:{email}", "sign-in.password", outcome, Address: HttpContext.Address(),
            Detail: check.AccountId is null ? "no such account" : null), cancellationToken);
        if (check.Outcome == PasswordOutcome.LockedOut)
        {
            Errors["email"] = $"This account is locked after {AccountStore.FailuresBeforeLockout} failed sign-ins. Try again in {AccountStore.Lockout.TotalMinutes:0} minutes.";
            return Page();
        }
        if (check.Outcome == PasswordOutcome.Refused || await accounts.FindAsync(check.AccountId!.Value, cancellationToken) is not { } account)
        {
            Errors["email"] = "The email address or password is not right";
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
