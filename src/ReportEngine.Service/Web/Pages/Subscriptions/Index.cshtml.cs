using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Delivery;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Subscriptions;

/// <summary>
/// A person subscribes themselves to a kind of report of an authority they may see, and becomes one of its recipients
/// (a link to each report issued, not the PDF); and unsubscribes. Admin still manages recipients without an account.
/// </summary>
public sealed class IndexModel(RecipientStore recipients, PostgresEvidenceStore evidence, ReportKinds kinds, AuditLog audit) : PageModel
{
    public IReadOnlyList<(string Authority, ReportKind Kind, bool Subscribed)> Choices { get; private set; } = [];
    public string? Done { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? authority, string? kind, bool subscribe, CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        var reportKind = kinds.Find(kind);
        if (authority is null || !account.MaySee(authority) || reportKind is null) return NotFound();
        (Done, var refusal) = await AuditedChange.RunAsync(HttpContext, audit, subscribe ? "subscription.add" : "subscription.remove", authority, async () =>
        {
            if (!subscribe)
            {
                await recipients.RemoveAsync(authority, reportKind.Name, account.Email, cancellationToken);
                return $"You will no longer get {authority}'s {reportKind.Title} by email.";
            }
            await recipients.AddAsync(new Recipient(authority, reportKind.Name, account.Email, account.Name, Attach: false), cancellationToken);
            return $"You will get an email with a link to each {reportKind.Title} of {authority} when it is issued.";
        }, text => $"{account.Email}, {reportKind.Name}: {text}", cancellationToken);
        if (refusal is not null) Errors["subscriptions"] = refusal;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        var mine = (await recipients.ListAsync(cancellationToken: cancellationToken))
            .Where(r => string.Equals(r.Email, account.Email, StringComparison.OrdinalIgnoreCase)).Select(r => (r.Authority, r.Kind)).ToHashSet();
        Choices = (await evidence.AuthoritiesAsync(cancellationToken)).Where(account.MaySee)
            .SelectMany(code => kinds.All.Select(k => (code, k, mine.Contains((code, k.Name))))).ToList();
    }
}
