using ReportEngine.Issuing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.PostgreSql;
using ReportEngine.Review;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Drafts;

/// <summary>
/// The drafts awaiting the person (review.md): for an Approver or Admin the open drafts to sign off (those whose
/// commentary someone else wrote last); for everyone the returned drafts to change and the stale ones to make again.
/// </summary>
public sealed class IndexModel(PostgresDrafts drafts) : PageModel
{
    public IReadOnlyList<Draft> ToSignOff { get; private set; } = [];
    public IReadOnlyList<Draft> WithOthers { get; private set; } = [];
    public IReadOnlyList<Draft> Returned { get; private set; } = [];
    public IReadOnlyList<Draft> Stale { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        var current = (await drafts.ListAsync(null, cancellationToken: cancellationToken))
            .Where(d => DraftState.IsCurrent(d.State) && account.MaySee(d.Report.Authority)).ToList();
        var open = current.Where(d => d.State == DraftState.Open).ToList();
        ToSignOff = open.Where(d => AwaitsSignOffBy(account, d)).ToList();
        WithOthers = open.Except(ToSignOff).ToList();
        Returned = current.Where(d => d.State == DraftState.Returned).ToList();
        Stale = current.Where(d => d.State == DraftState.Stale).ToList();
    }

    /// <summary>An open draft this person may sign off: an Approver or Admin who did not write its commentary last (four eyes).</summary>
    public static bool AwaitsSignOffBy(Account account, Draft draft) =>
        draft.State == DraftState.Open && account.Role >= Role.Approver && account.MaySee(draft.Report.Authority)
        && !string.Equals(draft.LastCommentaryBy, account.Email, StringComparison.OrdinalIgnoreCase);
}
