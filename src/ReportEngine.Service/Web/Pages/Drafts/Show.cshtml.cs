using ReportEngine.Issuing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Review;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Drafts;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Drafts;

/// <summary>
/// One draft (review.md): its PDF shown in the page, each commentary slot as a text area beside what it belongs to,
/// approve / return / discard with their confirmation, and its history. Every change goes through <see cref="DraftDesk"/>.
/// </summary>
public sealed class ShowModel(DraftDesk desk, PostgresDrafts drafts) : PageModel
{
    public Draft Draft { get; private set; } = null!;
    public IReadOnlyList<DraftVersion> History { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }

    /// <summary>What a person typed in a slot that was refused, shown back to them rather than lost.</summary>
    public string? Typed { get; private set; }

    public string? TypedSlot { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The current version's PDF, shown inline in the page's frame (and audited as a download).</summary>
    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken cancellationToken)
    {
        if (await desk.PdfAsync(HttpContext.Account(), new DraftId(id), HttpContext.Address(), cancellationToken) is not { } pdf) return NotFound();
        // Framed by this page only (SecurityHeaders lets a same-origin frame through for this handler).
        HttpContext.Items[SecurityHeaders.FramedBySelf] = true;
        Response.Headers.ContentDisposition = $"inline; filename=\"{pdf.FileName}\"";
        return File(pdf.Pdf, "application/pdf");
    }

    public Task<IActionResult> OnPostCommentaryAsync(long id, string slot, string? text, CancellationToken cancellationToken)
    {
        (TypedSlot, Typed) = (slot, text);
        return ChangeAsync(id, Role.Requester, account => desk.SaveCommentaryAsync(new DraftId(id), slot, text, account, HttpContext.Address(), cancellationToken),
            d => $"Saved the commentary: version {d.Version} is shown below", $"text-{slot}", cancellationToken);
    }

    public Task<IActionResult> OnPostApproveAsync(long id, bool confirm, CancellationToken cancellationToken) =>
        ChangeAsync(id, Role.Approver, account => confirm
                ? desk.ApproveAsync(new DraftId(id), account, HttpContext.Address(), cancellationToken)
                : Task.FromResult<DraftOutcome>(new DraftOutcome.Invalid("confirm", "Tick the box to confirm you have read the draft and approve it")),
            _ => "Approved: the report is issued", "confirm", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(long id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, Role.Approver, account => desk.ReturnAsync(new DraftId(id), reason, account, HttpContext.Address(), cancellationToken),
            _ => "Returned for changes", "return-reason", cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(long id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, Role.Approver, account => desk.DiscardAsync(new DraftId(id), reason, account, HttpContext.Address(), cancellationToken),
            _ => "Discarded", "discard-reason", cancellationToken);

    private async Task<IActionResult> ChangeAsync(long id, Role needs, Func<Account, Task<DraftOutcome>> change, Func<Draft, string> done, string field,
        CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        if (account.Role < needs) return Forbid();
        var outcome = await change(account);
        if (outcome is DraftOutcome.NotFound || !await LoadAsync(id, cancellationToken)) return NotFound();
        switch (outcome)
        {
            case DraftOutcome.Approved or DraftOutcome.Changed:
                Done = done(Draft);
                (Typed, TypedSlot) = (null, null);
                break;
            case DraftOutcome.Invalid invalid:
                Errors[field] = invalid.Problem;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            case DraftOutcome.Refused refused:
                Errors[field] = refused.Reason;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case DraftOutcome.Conflict conflict:
                Errors[field] = conflict.Reason;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(HttpContext.Account(), new DraftId(id), cancellationToken) is not { } draft) return false;
        Draft = draft;
        History = await drafts.HistoryAsync(draft.Id, cancellationToken);
        return true;
    }

    public bool MayWrite => HttpContext.Account().Role >= Role.Requester && Draft.State is DraftState.Open or DraftState.Returned;

    public bool MaySignOff => HttpContext.Account().Role >= Role.Approver;

    public bool IsLastWriter => string.Equals(Draft.LastCommentaryBy, HttpContext.Account().Email, StringComparison.OrdinalIgnoreCase);

    public string TextOf(string slot) => slot == TypedSlot && Typed is not null ? Typed : Draft.Commentary.FirstOrDefault(c => c.Slot == slot)?.Text ?? "";

    public Commentary? CommentaryOf(string slot) => Draft.Commentary.FirstOrDefault(c => c.Slot == slot);

    /// <summary>Where a slot's commentary is printed, said beside its text area.</summary>
    public static string WhereItGoes(ReportKind kind, string slot) => slot switch
    {
        ReportKind.Overall when kind.CommentarySlots.Count > 1 && kind.Name == "monthly" =>
            "Printed at the top of the executive summary, before \"What needs attention\".",
        ReportKind.Overall => "Printed at the start of the report, before its first figures.",
        "handling" => "Matters of general importance arising from the complaints, or from the way they were handled (regulation 18(1)(d)(ii)); printed as its own section after the year's figures.",
        _ => $"Printed at the top of the {slot.Replace('-', ' ')} section.",
    };
}
