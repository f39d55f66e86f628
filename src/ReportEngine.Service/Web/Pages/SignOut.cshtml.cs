using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages;

/// <summary>
/// Signing out is a form post (with its antiforgery token), so no link on another site can sign a person out. It ends
/// every session of the person (<see cref="Accounts.AccountStore.EndSessionsAsync"/>).
/// </summary>
public sealed class SignOutModel(AuditLog audit, Accounts.AccountStore accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        // Every session of the person ends, not only this browser's: a cookie copied or saved before is refused too.
        await accounts.EndSessionsAsync(account.Id, CancellationToken.None);
        await audit.WriteAsync(new AuditEvent(account.Actor, "sign-out", "succeeded", Address: HttpContext.Address(), Detail: "every session ended"), cancellationToken);
        await HttpContext.SignOutAsync(SignInSchemes.Cookie);
        return Redirect("/sign-in");
    }
}
