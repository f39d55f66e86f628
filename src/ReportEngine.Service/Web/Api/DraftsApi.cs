using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.PostgreSql;
using ReportEngine.Review;
using ReportEngine.Service.Web.Drafts;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Api;

/// <summary>The drafts of reviewed reports (review.md): list, read, download, write commentary, approve, return, discard.</summary>
internal static class DraftsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/drafts", async (string? authority, string? kind, string? state, HttpContext context, PostgresDrafts drafts, CancellationToken cancellationToken) =>
            {
                if (state is not null && !DraftState.All.Contains(state))
                    return Problems.Result(400, "The query is not valid", "See the errors of each field.",
                        new Dictionary<string, string> { ["state"] = $"'{state}' is not a draft's state; one of {string.Join(", ", DraftState.All)}" });
                var account = context.Account();
                var seen = (await drafts.ListAsync(authority is null ? null : [authority], kind, state, cancellationToken))
                    .Where(d => account.MaySee(d.Report.Authority));
                return Results.Ok(seen.Select(DraftView.Of).ToList());
            })
            .WithName("ListDrafts")
            .WithSummary("Drafts you may see, newest change first")
            .Produces<IReadOnlyList<DraftView>>().ProducesProblem(400);

        api.MapGet("/drafts/{id:long}", async (long id, HttpContext context, DraftDesk desk, PostgresDrafts drafts, CancellationToken cancellationToken) =>
                await desk.FindAsync(context.Account(), new DraftId(id), cancellationToken) is { } draft
                    ? Results.Ok(DraftDetailsView.Of(draft, await drafts.HistoryAsync(draft.Id, cancellationToken)))
                    : RequestsApi.NotFound())
            .WithName("GetDraft")
            .WithSummary("A draft: its commentary slots with text, author and day, and its history")
            .Produces<DraftDetailsView>().ProducesProblem(404);

        api.MapGet("/drafts/{id:long}/pdf", async (long id, HttpContext context, DraftDesk desk, CancellationToken cancellationToken) =>
                await desk.PdfAsync(context.Account(), new DraftId(id), context.Address(), cancellationToken) is { } pdf
                    ? Results.File(pdf.Pdf, "application/pdf", pdf.FileName)
                    : RequestsApi.NotFound())
            .WithName("DownloadDraftPdf")
            .WithSummary("The current version's PDF, with its DRAFT marks")
            .Produces(200, contentType: "application/pdf").ProducesProblem(404);

        api.MapPut("/drafts/{id:long}/commentary/{slot}", async (long id, string slot, CommentaryForm form, HttpContext context, DraftDesk desk,
                    PostgresDrafts drafts, CancellationToken cancellationToken) =>
                await AnswerAsync(await desk.SaveCommentaryAsync(new DraftId(id), slot, form.Text, context.Account(), context.Address(), cancellationToken), drafts,
                    cancellationToken))
            .RequireAuthorization(AccessPolicy.Requester)
            .WithName("SaveCommentary")
            .WithSummary("Writes one commentary slot: a new version of the draft, rendered again from its snapshot")
            .Produces<DraftDetailsView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapPost("/drafts/{id:long}/approve", async (long id, HttpContext context, DraftDesk desk, PostgresDrafts drafts, CancellationToken cancellationToken) =>
                await AnswerAsync(await desk.ApproveAsync(new DraftId(id), context.Account(), context.Address(), cancellationToken), drafts, cancellationToken))
            .RequireAuthorization(AccessPolicy.Approver)
            .WithName("ApproveDraft")
            .WithSummary("Approves an open draft: issues the report from the draft's snapshot with its commentary and sign-off")
            .Produces<ApprovalView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        // Returning and discarding are alike: an Approver's change with a reason.
        foreach (var (verb, summary, change) in new (string, string, Func<DraftDesk, DraftId, string?, Accounts.Account, string?, CancellationToken, Task<DraftOutcome>>)[]
                 {
                     ("return", "Returns an open draft to the people who wrote its commentary, with a reason", (desk, id, reason, account, address, ct) =>
                         desk.ReturnAsync(id, reason, account, address, ct)),
                     ("discard", "Discards a draft that is open, returned or stale, with a reason", (desk, id, reason, account, address, ct) =>
                         desk.DiscardAsync(id, reason, account, address, ct)),
                 })
        {
            api.MapPost($"/drafts/{{id:long}}/{verb}", async (long id, ReasonForm form, HttpContext context, DraftDesk desk, PostgresDrafts drafts,
                        CancellationToken cancellationToken) =>
                    await AnswerAsync(await change(desk, new DraftId(id), form.Reason, context.Account(), context.Address(), cancellationToken), drafts, cancellationToken))
                .RequireAuthorization(AccessPolicy.Approver)
                .WithName($"{char.ToUpperInvariant(verb[0])}{verb[1..]}Draft")
                .WithSummary(summary)
                .Produces<DraftDetailsView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        }
    }

    private static async Task<IResult> AnswerAsync(DraftOutcome outcome, PostgresDrafts drafts, CancellationToken cancellationToken) => outcome switch
    {
        DraftOutcome.Approved approved => Results.Ok(new ApprovalView(approved.ArchiveId)),
        DraftOutcome.Changed changed => Results.Ok(DraftDetailsView.Of(changed.Draft, await drafts.HistoryAsync(changed.Draft.Id, cancellationToken))),
        DraftOutcome.Invalid invalid => Problems.Result(422, "The change cannot be made", invalid.Problem, new Dictionary<string, string> { [invalid.Field] = invalid.Problem }),
        DraftOutcome.Refused refused => Problems.Result(403, "Not allowed", refused.Reason),
        DraftOutcome.Conflict conflict => Problems.Result(409, "Not in a state to allow it", conflict.Reason),
        _ => RequestsApi.NotFound(),
    };
}
