using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Admin;

/// <summary>
/// Users for Admin: add, grant, disable, issue and revoke API tokens; and for one person (<c>?person=EMAIL</c>) change
/// their role, take an authority away, re-enable them, set a temporary password, see and revoke their tokens. Every change audited.
/// </summary>
public sealed class UsersModel(AccountStore accounts, ApiTokens tokens, AuditLog audit) : PageModel
{
    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }

    /// <summary>A token just issued: shown once, on this response only.</summary>
    public string? NewToken { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Role Role { get; set; } = Role.Viewer;
    [BindProperty] public string? Authorities { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? TokenName { get; set; }
    [BindProperty] public int Days { get; set; } = ApiTokens.DefaultDays;

    /// <summary>The person being managed, and their live tokens.</summary>
    public Account? Person { get; private set; }
    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    [BindProperty] public bool Upload { get; set; }

    public async Task OnGetAsync(string? person, CancellationToken cancellationToken)
    {
        Email = person;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostRoleAsync(CancellationToken cancellationToken) => ChangeAsync("user.role", async () =>
    {
        if (string.Equals(Email, HttpContext.Account().Email, StringComparison.OrdinalIgnoreCase))
            throw new AccountProblemException("You cannot change your own role");
        await accounts.SetRoleAsync(Email ?? "", Role, cancellationToken);
        return $"{Email} is now {Role}";
    }, cancellationToken);

    public Task<IActionResult> OnPostUngrantAsync(CancellationToken cancellationToken) => ChangeAsync("user.ungrant", async () =>
    {
        await accounts.RevokeGrantAsync(Email ?? "", Authorities?.Trim() ?? "", cancellationToken);
        return $"Took {Authorities} away from {Email}";
    }, cancellationToken, Authorities?.Trim());

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) => ChangeAsync("user.enable", async () =>
    {
        await accounts.EnableAsync(Email ?? "", cancellationToken);
        return $"Enabled {Email} again";
    }, cancellationToken);

    public Task<IActionResult> OnPostTemporaryPasswordAsync(CancellationToken cancellationToken) => ChangeAsync("user.password", async () =>
    {
        await accounts.SetPasswordAsync(Email ?? "", Password ?? "", cancellationToken, temporary: true);
        return $"Set a temporary password for {Email}: they choose their own at their next sign-in";
    }, cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) => ChangeAsync("user.add", async () =>
    {
        var granted = (Authorities ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var account = await accounts.AddAsync(Email?.Trim() ?? "", string.IsNullOrWhiteSpace(Name) ? Email?.Trim() ?? "" : Name.Trim(), Role, granted,
            string.IsNullOrEmpty(Password) ? null : Password, cancellationToken);
        return $"Added {account.Email} as {account.Role}{(granted.Length > 0 ? $" for {string.Join(", ", granted)}" : "")}";
    }, cancellationToken);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) => ChangeAsync(Upload ? "user.grant-upload" : "user.grant", async () =>
    {
        await accounts.GrantAsync(Email ?? "", Authorities?.Trim() ?? "", cancellationToken, Upload);
        return $"Granted {Authorities}{(Upload ? " with the right to upload its data" : "")} to {Email}";
    }, cancellationToken, Authorities?.Trim());

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) => ChangeAsync("user.disable", async () =>
    {
        if (string.Equals(Email, HttpContext.Account().Email, StringComparison.OrdinalIgnoreCase))
            throw new AccountProblemException("You cannot disable your own account");
        await accounts.DisableAsync(Email ?? "", cancellationToken);
        return $"Disabled {Email}";
    }, cancellationToken);

    public Task<IActionResult> OnPostTokenAsync(CancellationToken cancellationToken) => ChangeAsync("token.issue", async () =>
    {
        NewToken = await tokens.IssueAsync(Email ?? "", TokenName?.Trim() ?? "", Days, cancellationToken);
        return $"Issued the token '{TokenName}' to {Email} for {Days} days";
    }, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) => ChangeAsync("token.revoke", async () =>
    {
        await tokens.RevokeAsync(Email ?? "", TokenName?.Trim() ?? "", cancellationToken);
        return $"Revoked the token '{TokenName}' of {Email}";
    }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string action, Func<Task<string>> change, CancellationToken cancellationToken, string? authority = null)
    {
        (Done, var refusal) = await AuditedChange.RunAsync(HttpContext, audit, action, authority, change, text => $"{Email}: {text}", cancellationToken);
        if (refusal is not null) Errors["email"] = refusal;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(cancellationToken);
        Person = Email is null ? null : Accounts.FirstOrDefault(a => string.Equals(a.Email, Email.Trim(), StringComparison.OrdinalIgnoreCase));
        Tokens = Person is null ? [] : await tokens.ListAsync(Person.Email, cancellationToken);
    }
}
