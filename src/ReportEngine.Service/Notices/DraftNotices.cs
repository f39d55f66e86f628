using ReportEngine.Issuing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using ReportEngine.Hosting;
using ReportEngine.PostgreSql;
using ReportEngine.Review;
using ReportEngine.Service.Delivery;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Service.Notices;

/// <summary>
/// Sends the messages about a draft (review.md, <see cref="DraftNotice"/>): each to each person once (a row per
/// notice, version and address, sent under its lock and recorded in the same breath, as deliveries are); the report's
/// name, its period, what is asked and the link to the draft's page — never the PDF.
/// </summary>
public sealed class DraftNotices(
    NpgsqlDataSource dataSource,
    PostgresDrafts drafts,
    AccountStore accounts,
    PostgresEvidenceStore evidence,
    ISmtpSender sender,
    IOptions<SmtpOptions> smtp,
    IOptions<ServiceOptions> service,
    IOptions<Rendering.ReportOptions> pack,
    EmailTemplates templates,
    TimeProvider clock,
    ILogger<DraftNotices> logger)
{
    /// <summary>Sends the notice of the draft's <paramref name="version"/> to each of its people not yet sent it; a temporary failure is thrown, for the job to try again.</summary>
    public async Task SendAsync(DraftId id, string notice, int version, CancellationToken cancellationToken)
    {
        if (!smtp.Value.Enabled)
        {
            logger.LogInformation("No mail server is set (ReportEngine__Smtp__Host): the {Notice} notice of draft {DraftId} is not sent", notice, id);
            return;
        }
        var draft = await drafts.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"There is no draft {id}");
        // A notice that no longer asks anything (the draft was approved or discarded meanwhile) is not sent.
        if (notice is DraftNotice.Ready or DraftNotice.Reminder && draft.State != DraftState.Open) return;
        foreach (var (email, name) in await PeopleAsync(draft, notice, cancellationToken))
        {
            await dataSource.ExecuteAsync(
                "INSERT INTO reportengine.draft_notices (draft_id, notice, version, email, state) VALUES ($1, $2, $3, $4, 'pending') ON CONFLICT DO NOTHING",
                cancellationToken, id.Value, notice, version, email);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var state = (string?)await transaction.ScalarAsync(
                "SELECT state FROM reportengine.draft_notices WHERE draft_id = $1 AND notice = $2 AND version = $3 AND lower(email) = lower($4) FOR UPDATE",
                cancellationToken, id.Value, notice, version, email);
            if (state != "pending") continue;
            string reply;
            try
            {
                reply = await sender.SendAsync(await BuildAsync(draft, notice, email, name, cancellationToken), cancellationToken);
            }
            catch (SmtpFailure failure) when (failure.Permanent)
            {
                await MarkAsync(transaction, "failed", failure.Reply, id, notice, version, email);
                logger.LogWarning("The {Notice} notice of draft {DraftId} cannot be sent to {Recipient}: {Reply}", notice, id, email, failure.Reply);
                continue;
            }
            await MarkAsync(transaction, "sent", reply, id, notice, version, email);
            logger.LogInformation("Sent the {Notice} notice of draft {DraftId} to {Recipient}: {Reply}", notice, id, email, reply);
        }
    }

    private async Task MarkAsync(NpgsqlTransaction transaction, string state, string reply, DraftId id, string notice, int version, string email)
    {
        await transaction.ExecuteAsync(
            "UPDATE reportengine.draft_notices SET state = $5, reply = $6, sent_at = $7 WHERE draft_id = $1 AND notice = $2 AND version = $3 AND lower(email) = lower($4)",
            CancellationToken.None, id.Value, notice, version, email, state, reply.Length > 500 ? reply[..500] : reply, clock.GetUtcNow());
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>The Approvers of the draft's authority (for ready and reminder), or the people who wrote its commentary (for a return).</summary>
    private async Task<IReadOnlyList<(string Email, string Name)>> PeopleAsync(Draft draft, string notice, CancellationToken cancellationToken)
    {
        var all = await accounts.ListAsync(cancellationToken);
        if (notice == DraftNotice.Returned)
        {
            var writers = await drafts.CommentaryWritersAsync(draft.Id, cancellationToken);
            return writers.Select(w => all.FirstOrDefault(a => a.Email.Equals(w, StringComparison.OrdinalIgnoreCase)))
                .OfType<Account>().Where(a => !a.Disabled).Select(a => (a.Email, a.Name)).ToList();
        }
        return all.Where(a => a.Role == Role.Approver && !a.Disabled && a.MaySee(draft.Report.Authority)).Select(a => (a.Email, a.Name)).ToList();
    }

    private async Task<MimeMessage> BuildAsync(Draft draft, string notice, string email, string name, CancellationToken cancellationToken)
    {
        var report = draft.Report;
        var authorityName = await evidence.AuthorityNameAsync(report.Authority, cancellationToken) ?? report.Authority;
        var title = report.Statement is null ? report.Kind.Title : $"{report.Kind.Title} ({report.Parameter})";
        var asked = notice switch
        {
            DraftNotice.Ready => "ready for sign-off",
            DraftNotice.Reminder => "still awaiting sign-off",
            _ => "returned for changes",
        };
        var model = new
        {
            RecipientName = name,
            AuthorityName = authorityName,
            ReportTitle = title,
            PeriodWords = report.Period.Words,
            Asked = asked,
            Notice = notice,
            Reason = draft.StateReason,
            Made = draft.CreatedAt.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
            Link = $"{service.Value.PublicBaseUrl.TrimEnd('/')}/drafts/{draft.Id}",
            DraftId = draft.Id.ToString(),
            Version = draft.Version,
        };
        var message = new MimeMessage { Subject = $"[{pack.Value.MarkingOf(report.Kind)}] {authorityName}: {title}, {model.PeriodWords}: {asked}" };
        message.From.Add(MailboxAddress.Parse(smtp.Value.From!));
        message.To.Add(new MailboxAddress(name, email));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-ReportEngine-Draft-Id", draft.Id.ToString());
        message.Body = templates.Body("draft-notice", model).ToMessageBody();
        return message;
    }
}
