using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Foundation;
using ReportEngine.Issuing;
using ReportEngine.PostgreSql;
using ReportEngine.Rendering;
using ReportEngine.Review;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Service.Web.Drafts;

/// <summary>
/// Takes the changes people make to drafts (review.md), from the dashboard and the API alike: commentary (each save a
/// new version rendered again from the draft's frozen snapshot), approval (four eyes; issues the report through the
/// one issuing path from that same snapshot), return and discard (each with a reason). Every change, and every one
/// refused, is an audit row; each is made under the draft's row lock, so two at once are taken one after the other.
/// </summary>
public sealed class DraftDesk(
    PostgresDrafts drafts,
    ReportRenderers renderers,
    ReportIssuer issuer,
    ReportArchive archive,
    EndedPeriods ended,
    AuditLog audit,
    Hangfire.IBackgroundJobClient jobs,
    ILogger<DraftDesk> logger)
{
    /// <summary>A reason to return or discard a draft is at most this long.</summary>
    public const int MostReasonCharacters = 500;

    /// <summary>The draft when the person may see it; null otherwise (answered as if it did not exist).</summary>
    public async Task<Draft?> FindAsync(Account account, DraftId id, CancellationToken cancellationToken) =>
        await drafts.FindAsync(id, cancellationToken) is { } draft && account.MaySee(draft.Report.Authority) ? draft : null;

    /// <summary>The current version's PDF (with its DRAFT marks) of a draft the person may see, and its file name; the download is audited.</summary>
    public async Task<(Draft Draft, byte[] Pdf, string FileName)?> PdfAsync(Account account, DraftId id, string? address, CancellationToken cancellationToken)
    {
        if (await FindAsync(account, id, cancellationToken) is not { } draft || await drafts.FilesAsync(draft.Id, null, cancellationToken) is not { } files) return null;
        await audit.WriteAsync(new AuditEvent(account.Actor, "download.draft", "succeeded", draft.Report.Authority, draft.Report.ToString(), address,
            $"draft {draft.Id} version {draft.Version}"), cancellationToken);
        return (draft, files.Pdf, $"{draft.Report.Authority}-{draft.Report.Stem}-draft-{draft.Id}-v{draft.Version}.pdf");
    }

    public async Task<DraftOutcome> SaveCommentaryAsync(DraftId id, string slot, string? text, Account account, string? address, CancellationToken cancellationToken)
    {
        text ??= "";
        await using var locked = await drafts.LockAsync(id, cancellationToken);
        if (locked is null || !account.MayRequest(locked.Draft.Report.Authority)) return new DraftOutcome.NotFound();
        var draft = locked.Draft;
        var kind = draft.Report.Kind;
        DraftOutcome? refused =
            !kind.CommentarySlots.Contains(slot, StringComparer.Ordinal)
                ? new DraftOutcome.Invalid("slot", $"A {kind.Name} report has no commentary slot '{slot}'; its slots are {string.Join(", ", kind.CommentarySlots)}")
            : Commentary.Problem(text) is { } problem ? new DraftOutcome.Invalid("text", $"The commentary {problem}")
            : draft.State is not (DraftState.Open or DraftState.Returned) ? new DraftOutcome.Conflict(WhyNotOpen(draft, "its commentary cannot be changed"))
            : null;
        if (refused is not null) return await RefusedAsync(account, "draft.commentary", draft, address, refused, cancellationToken);

        var changed = new Commentary(slot, text, account.Name, ended.Today);
        // In the kind's order of slots; a slot emptied is left out, as one never written.
        var commentary = kind.CommentarySlots
            .Select(s => s == slot ? (string.IsNullOrWhiteSpace(text) ? null : changed) : draft.Commentary.FirstOrDefault(c => c.Slot == s))
            .OfType<Commentary>().ToList();
        var rendered = await RenderDraftAsync(draft, commentary, cancellationToken);
        await locked.AddVersionAsync(commentary, rendered, account.Email, $"commentary '{slot}' {(string.IsNullOrWhiteSpace(text) ? "cleared" : "changed")}", cancellationToken);
        await locked.CommitAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent(account.Actor, "draft.commentary", "succeeded", draft.Report.Authority, draft.Report.ToString(), address,
            $"draft {draft.Id} version {draft.Version + 1}: slot '{slot}', {text.Length} characters"), cancellationToken);
        return new DraftOutcome.Changed((await drafts.FindAsync(id, cancellationToken))!);
    }

    public async Task<DraftOutcome> ApproveAsync(DraftId id, Account account, string? address, CancellationToken cancellationToken)
    {
        await using var locked = await drafts.LockAsync(id, cancellationToken);
        if (locked is null || !account.MaySee(locked.Draft.Report.Authority)) return new DraftOutcome.NotFound();
        var draft = locked.Draft;
        var report = draft.Report;
        var latest = await archive.Catalog.LatestAsync(report, cancellationToken);
        // An approval whose entry was committed but whose draft was not marked (the database went away in between) finishes here.
        var approvedBefore = latest is not null && latest.Draft == draft.Id.ToString() ? latest : null;
        DraftOutcome? refused =
            account.Role < Role.Approver ? new DraftOutcome.Refused("Only an Approver or an Admin approves a draft")
            : draft.State != DraftState.Open ? new DraftOutcome.Conflict(WhyNotOpen(draft, "it cannot be approved"))
            : string.Equals(draft.LastCommentaryBy, account.Email, StringComparison.OrdinalIgnoreCase)
                ? new DraftOutcome.Refused("You changed this draft's commentary last; another Approver must approve it (four eyes)")
            : latest is not null && approvedBefore is null && draft.RegenerationReason is null
                ? new DraftOutcome.Conflict($"{report} was issued as {latest.Id} while this draft was open; discard the draft, or regenerate the report")
            : null;
        if (refused is not null) return await RefusedAsync(account, "draft.approve", draft, address, refused, cancellationToken);

        var archiveId = approvedBefore?.Id;
        if (archiveId is null)
        {
            var signOff = new ReviewMarks(false, new Approval(account.Name, account.Role.ToString(), ended.Today), draft.Commentary);
            var request = new ReportRequest(report, new SnapshotEvidenceSource(report.Authority, await drafts.SnapshotAsync(id, cancellationToken)),
                Requester.Person(account.Email), draft.RegenerationReason, Regenerate: draft.RegenerationReason is not null, Review: signOff, Approving: draft.Id);
            var issued = await issuer.IssueAsync(request, cancellationToken: cancellationToken);
            archiveId = issued.Entry?.Id ?? throw new InvalidOperationException($"Approving draft {draft.Id} issued no archive entry");
        }
        await locked.SetStateAsync(DraftState.Approved, null, archiveId, cancellationToken);
        await locked.CommitAsync(cancellationToken);
        logger.LogInformation("Draft {DraftId} of {Report} approved by {Approver}: archive entry {ArchiveId}", draft.Id, report, account.Email, archiveId);
        await audit.WriteAsync(new AuditEvent(account.Actor, "draft.approve", "succeeded", report.Authority, report.ToString(), address,
            $"draft {draft.Id} version {draft.Version} approved; archive entry {archiveId}"), cancellationToken);
        return new DraftOutcome.Approved((await drafts.FindAsync(id, cancellationToken))!, archiveId);
    }

    /// <summary>Back to the people who wrote its commentary, with a reason; they may change it and have it approved again.</summary>
    public Task<DraftOutcome> ReturnAsync(DraftId id, string? reason, Account account, string? address, CancellationToken cancellationToken) =>
        EndAsync(id, reason, account, address, "draft.return", DraftState.Returned,
            draft => draft.State == DraftState.Open ? null : WhyNotOpen(draft, "it cannot be returned"), cancellationToken);

    public Task<DraftOutcome> DiscardAsync(DraftId id, string? reason, Account account, string? address, CancellationToken cancellationToken) =>
        EndAsync(id, reason, account, address, "draft.discard", DraftState.Discarded,
            draft => DraftState.IsCurrent(draft.State) ? null : $"The draft is {draft.State}; it cannot be discarded", cancellationToken);

    private async Task<DraftOutcome> EndAsync(DraftId id, string? reason, Account account, string? address, string action, string state,
        Func<Draft, string?> whyNot, CancellationToken cancellationToken)
    {
        reason = reason?.Trim() ?? "";
        await using var locked = await drafts.LockAsync(id, cancellationToken);
        if (locked is null || !account.MaySee(locked.Draft.Report.Authority)) return new DraftOutcome.NotFound();
        var draft = locked.Draft;
        DraftOutcome? refused =
            account.Role < Role.Approver ? new DraftOutcome.Refused($"Only an Approver or an Admin may {action["draft.".Length..]} a draft")
            : reason.Length == 0 ? new DraftOutcome.Invalid("reason", "Say why")
            : reason.Length > MostReasonCharacters ? new DraftOutcome.Invalid("reason", $"The reason must be {MostReasonCharacters} characters or fewer")
            : Commentary.Problem(reason) is { } problem ? new DraftOutcome.Invalid("reason", $"The reason {problem}")
            : whyNot(draft) is { } conflict ? new DraftOutcome.Conflict(conflict)
            : null;
        if (refused is not null) return await RefusedAsync(account, action, draft, address, refused, cancellationToken);
        await locked.SetStateAsync(state, reason, null, cancellationToken);
        await locked.CommitAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent(account.Actor, action, "succeeded", draft.Report.Authority, draft.Report.ToString(), address,
            $"draft {draft.Id} version {draft.Version}: {reason}"), cancellationToken);
        var changed = (await drafts.FindAsync(id, cancellationToken))!;
        // review.md: a return, with its reason, goes to the people who changed the commentary.
        if (state == DraftState.Returned) Notices.DraftNoticeJobs.Queue(jobs, changed, Notices.DraftNotice.Returned);
        return new DraftOutcome.Changed(changed);
    }

    /// <summary>A draft rendered again from its frozen snapshot with the DRAFT marks and the commentary given: its figures are the first version's.</summary>
    private async Task<RenderedReport> RenderDraftAsync(Draft draft, IReadOnlyList<Commentary> commentary, CancellationToken cancellationToken)
    {
        var gathered = EvidenceSnapshot.Deserialize(await drafts.SnapshotAsync(draft.Id, cancellationToken));
        return await renderers.For(draft.Report.Kind).RenderAsync(gathered, draft.Report, cancellationToken: cancellationToken,
            review: new ReviewMarks(true, null, commentary));
    }

    private async Task<DraftOutcome> RefusedAsync(Account account, string action, Draft draft, string? address, DraftOutcome refused, CancellationToken cancellationToken)
    {
        var why = refused switch
        {
            DraftOutcome.Invalid invalid => $"{invalid.Field}: {invalid.Problem}",
            DraftOutcome.Refused r => r.Reason,
            DraftOutcome.Conflict c => c.Reason,
            _ => refused.ToString(),
        };
        await audit.WriteAsync(new AuditEvent(account.Actor, action, "refused", draft.Report.Authority, draft.Report.ToString(), address, $"draft {draft.Id}: {why}"),
            cancellationToken);
        return refused;
    }

    private static string WhyNotOpen(Draft draft, string what) => draft.State switch
    {
        DraftState.Approved => $"The draft was approved already (archive entry {draft.ArchiveId}); {what}",
        DraftState.Discarded => $"The draft was discarded ({draft.StateReason}); {what}",
        DraftState.Stale => $"The draft is stale: the evidence was imported again since it was made; {what}. Ask for the report again to make it afresh, or discard it",
        DraftState.Returned => $"The draft was returned ({draft.StateReason}); change its commentary first: {what} until then",
        _ => $"The draft is {draft.State}; {what}",
    };
}
