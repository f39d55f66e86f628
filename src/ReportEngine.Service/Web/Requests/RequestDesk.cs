using Hangfire;
using Hangfire.States;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Service.Web.Requests;

/// <summary>
/// Takes requests from the dashboard's form and the API alike: checks each field, answers a report already archived
/// from the archive (nothing is rendered again unless it is regenerated with a reason), holds each person to
/// <see cref="RequestStore.MostInFlight"/> requests in flight, and queues the rest ahead of scheduled work.
/// </summary>
public sealed class RequestDesk(
    ReportKinds kinds,
    PostgresEvidenceStore evidence,
    ReportArchive archive,
    RequestStore requests,
    IBackgroundJobClient jobs,
    EndedPeriods ended,
    PostgresDrafts drafts,
    AuditLog audit)
{
    public async Task<RequestOutcome> SubmitAsync(RequestForm form, Account account, string? address, CancellationToken cancellationToken)
    {
        var parsed = new ReportFields(form.Authority, form.Kind, form.Period, form.Statement).Parse(kinds);
        // Shown beside each field, so each starts as a sentence does.
        var errors = parsed.Errors.ToDictionary(e => e.Key, e => char.ToUpperInvariant(e.Value[0]) + e.Value[1..]);
        var authority = form.Authority?.Trim() ?? "";
        if (form.Regenerate && string.IsNullOrWhiteSpace(form.Reason)) errors["reason"] = "Say why the report is issued again (what was corrected)";
        if (form.Reason is { Length: > 500 }) errors["reason"] = "The reason must be 500 characters or fewer";
        if (form.Deliver && !form.Regenerate) errors["deliver"] = "Delivering again goes with issuing again: a report issued for the first time is always delivered";

        if (authority.Length > 0 && (!account.MayRequest(authority) || !(await evidence.AuthoritiesAsync(cancellationToken)).Contains(authority)))
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, "request", "refused", authority, null, address, "authority not found or not granted"), cancellationToken);
            return new RequestOutcome.UnknownAuthority();
        }
        if (errors.Count > 0)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, "request", "refused", authority, null, address, string.Join("; ", errors.Values)), cancellationToken);
            return new RequestOutcome.Invalid(errors);
        }

        var report = parsed.Identity;
        var (title, outside) = ended.WhyNot(report.Period) is { } early ? ("That period has not ended", early)
            : await evidence.BoundsAsync(authority, cancellationToken) is { } bounds && bounds.WhyNot(report.Period) is { } uncovered
                ? ("The data does not reach that period", uncovered)
                : (null, null);
        if (outside is not null)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, "request", "refused", authority, report.ToString(), address, outside), cancellationToken);
            return new RequestOutcome.OutsideData(title!, new Dictionary<string, string> { ["period"] = char.ToUpperInvariant(outside[0]) + outside[1..] });
        }
        var action = form.Regenerate ? "regenerate" : "request";
        if (form.Regenerate && await Regeneration.LimitReachedAsync(archive, report, ended.TodayBegan, cancellationToken) is { } limit)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, action, "refused", authority, report.ToString(), address, limit), cancellationToken);
            return new RequestOutcome.TooMany($"{limit}; ask again tomorrow.");
        }
        var reason = form.Regenerate ? form.Reason!.Trim() : null;
        var archived = form.Regenerate ? null : await archive.Catalog.LatestAsync(report, cancellationToken);
        // review.md: a reviewed report not yet issued that has a draft being worked on is answered with it at once (a
        // stale one is made again by the job).
        var draft = form.Regenerate || archived is not null
                    || await drafts.ModeAsync(authority, report.Kind, cancellationToken) != ReportEngine.Review.ReviewMode.Required
            ? null
            : await drafts.CurrentAsync(report, cancellationToken) is { State: not ReportEngine.Review.DraftState.Stale } current ? current : null;
        var request = await requests.AddAsync(report, form.Regenerate, reason, account.Id, archived?.Id, cancellationToken, form.Regenerate && form.Deliver, draft?.Id);
        if (request is null)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, action, "refused", authority, report.ToString(), address,
                $"{RequestStore.MostInFlight} requests in flight already"), cancellationToken);
            return new RequestOutcome.TooMany($"You have {RequestStore.MostInFlight} requests queued or rendering; ask again when one has finished.");
        }
        if (archived is null && draft is null)
        {
            var jobId = jobs.Create<ReportJob>(job => job.IssueRequestAsync(request.Id, null, CancellationToken.None), new EnqueuedState(JobQueues.OnDemand));
            await requests.SetJobAsync(request.Id, jobId, cancellationToken);
        }
        await audit.WriteAsync(new AuditEvent(account.Actor, action, "succeeded", authority, report.ToString(), address,
            archived is not null ? $"request {request.Id} answered from archive entry {archived.Id}"
            : draft is not null ? $"request {request.Id} answered with draft {draft.Id} ({draft.State})"
            : $"request {request.Id} queued{(reason is null ? "" : $"; reason: {reason}")}"),
            cancellationToken);
        return new RequestOutcome.Taken(request, archived is not null);
    }
}
