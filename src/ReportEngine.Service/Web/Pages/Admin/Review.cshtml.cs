using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Review;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Admin;

/// <summary>Review modes for Admin (review.md): for each authority and kind, whether a request issues the report or makes a draft; every change audited.</summary>
public sealed class ReviewModel(PostgresDrafts drafts, PostgresEvidenceStore evidence, ReportKinds kinds, AuditLog audit) : PageModel
{
    public IReadOnlyList<string> Authorities { get; private set; } = [];
    public IReadOnlyList<ReportKind> Kinds => kinds.All;
    public IReadOnlyDictionary<(string Authority, string Kind), ReviewMode> Modes { get; private set; } = new Dictionary<(string, string), ReviewMode>();
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }

    public ReviewMode ModeOf(string authority, ReportKind kind) => Modes.GetValueOrDefault((authority, kind.Name), ReviewMode.None);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? authority, string? kind, string? mode, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        (Done, var refusal) = await AuditedChange.RunAsync(HttpContext, audit, "review-mode.set", authority, async () =>
        {
            var reportKind = kinds.Find(kind) ?? throw new AccountProblemException($"'{kind}' is not a report kind");
            if (authority is null || !Authorities.Contains(authority)) throw new AccountProblemException($"there is no authority {authority}");
            var chosen = ReviewModes.Parse(mode) ?? throw new AccountProblemException($"'{mode}' is not a review mode; required or none");
            var before = await drafts.SetModeAsync(authority, reportKind, chosen, HttpContext.Account().Actor, cancellationToken);
            return $"{authority}'s {reportKind.Name} reports: {before.Name()} → {chosen.Name()}";
        }, text => text, cancellationToken);
        if (refusal is not null) Errors["mode"] = refusal;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Authorities = await evidence.AuthoritiesAsync(cancellationToken);
        Modes = (await drafts.ModesAsync(cancellationToken)).ToDictionary(m => (m.Authority, m.Kind), m => m.Mode);
    }
}
