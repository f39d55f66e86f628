using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Me;

/// <summary>
/// A person changes their own password (web.md version 2): their current one, then a new one twice. Every session of
/// theirs ends (a new password always does) and they sign in again with it; after a temporary password an Admin set,
/// every page brings them here first.
/// </summary>
public sealed class PasswordModel(AccountStore accounts, AuditLog audit) : PageModel
{
    public Dictionary<string, string> Errors { get; } = [];

    public bool Required => HttpContext.Account().MustChangePassword;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? password, string? confirm, CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        if (string.IsNullOrEmpty(current)) Errors["current"] = "Enter your current password";
        if (PasswordRules.Problem(password ?? "") is { } problem) Errors["password"] = problem;
        else if (password != confirm) Errors["confirm"] = "The two new passwords are not the same";
        else if (password == current) Errors["password"] = "Choose a password you have not used here";
        if (Errors.Count == 0 && (await accounts.CheckPasswordAsync(account.Email, current!, cancellationToken)).Outcome != PasswordOutcome.Accepted)
            Errors["current"] = "That is not your current password";
        if (Errors.Count > 0)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, "password.change", "refused", Address: HttpContext.Address(), Detail: string.Join("; ", Errors.Values)), cancellationToken);
            Response.StatusCode = 400;
            return Page();
        }
        await accounts.SetPasswordAsync(account.Email, password!, cancellationToken);
        await audit.WriteAsync(new AuditEvent(account.Actor, "password.change", "succeeded", Address: HttpContext.Address(), Detail: "every session ended"), cancellationToken);
        await HttpContext.SignOutAsync(SignInSchemes.Cookie);
        return Redirect("/sign-in?changed=1");
    }
}
