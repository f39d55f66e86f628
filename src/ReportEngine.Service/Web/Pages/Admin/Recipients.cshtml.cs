using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Kinds;
using ReportEngine.Service.Delivery;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Service.Web.Pages.Admin;

/// <summary>Recipients for Admin: who receives each authority's reports of each kind; every change is audited.</summary>
public sealed class RecipientsModel(RecipientStore recipients, ReportKinds kinds, AuditLog audit) : PageModel
{
    public IReadOnlyList<Recipient> Recipients { get; private set; } = [];
    public IReadOnlyList<ReportKind> Kinds => kinds.All;
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }

    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public bool Attach { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Recipients = await recipients.ListAsync(cancellationToken: cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) => ChangeAsync("recipient.add", async () =>
    {
        await recipients.AddAsync(new Recipient(Authority?.Trim() ?? "", Kind ?? "", Email?.Trim() ?? "", string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), Attach),
            cancellationToken);
        return $"{Email} receives {Authority}'s {Kind} reports{(Attach ? " with the PDF attached" : "")}";
    }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) => ChangeAsync("recipient.remove", async () =>
    {
        await recipients.RemoveAsync(Authority ?? "", Kind ?? "", Email ?? "", cancellationToken);
        return $"{Email} no longer receives {Authority}'s {Kind} reports";
    }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string action, Func<Task<string>> change, CancellationToken cancellationToken)
    {
        (Done, var refusal) = await AuditedChange.RunAsync(HttpContext, audit, action, Authority, change, text => text, cancellationToken);
        if (refusal is not null) Errors["email"] = refusal.Replace("--email: ", "").Replace("--kind: ", "");
        Recipients = await recipients.ListAsync(cancellationToken: cancellationToken);
        return Page();
    }
}
