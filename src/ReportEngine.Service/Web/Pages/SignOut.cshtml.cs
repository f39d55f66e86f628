using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages;

/// <summary>Signing out is a form post (with its antiforgery token), so no link on another site can sign a person out.</summary>
public sealed class SignOutModel(AuditLog audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(new AuditEvent(HttpContext.Account().Actor, "sign-out", "succeeded", Address: HttpContext.Address()), cancellationToken);
        await HttpContext.SignOutAsync(SignInSchemes.Cookie);
        return Redirect("/sign-in");
    }
}
