using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Requests;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Requests;

/// <summary>A request's page: its progress (kept live by a small script of the site's own; a Refresh link without it) and the downloads when done.</summary>
public sealed class ShowModel(RequestStore requests) : PageModel
{
    public OnDemandRequest Asked { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { } request || !HttpContext.Account().MaySee(request.Report.Authority)) return NotFound();
        Asked = request;
        return Page();
    }
}
