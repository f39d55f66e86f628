using Microsoft.Extensions.Options;
using MimeKit;
using ReportEngine.Archive;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Hosting;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// The email of one delivery (delivery.md), built with MimeKit from the Scriban templates in <c>templates/email/</c>:
/// the subject with the protective marking; text and HTML parts with the headline figures, the link to the report on
/// the dashboard, the archive id, the PDF's SHA-256 and the chain head; the PDF attached only where asked and small enough.
/// </summary>
public sealed class DeliveryMessages(
    ReportArchive archive,
    Web.Reports.ArchivedReports reports,
    PostgresEvidenceStore evidence,
    ReportKinds kinds,
    IOptions<SmtpOptions> smtp,
    IOptions<ServiceOptions> service,
    EmailTemplates templates)
{
    /// <summary>The domain of Message-IDs: the sender's.</summary>
    public string MessageIdDomain => MailboxAddress.Parse(smtp.Value.From!).Domain;

    public async Task<MimeMessage> BuildAsync(ArchiveRecord entry, DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        var kind = kinds.Find(entry.Kind) ?? throw new ArchiveIntegrityException($"{entry.Id}: '{entry.Kind}' is not a report kind");
        var period = kind.PeriodType.TryParse(entry.Period, out var p) ? p.Words : entry.Period ?? "";
        var authorityName = await evidence.AuthorityNameAsync(entry.Authority!, cancellationToken) ?? entry.Authority!;
        var title = entry.Parameter is { } statement ? $"{kind.Title} ({statement})" : kind.Title;
        var pdfSha = entry.Files[ArchiveFile.Pdf];
        // Sent only as signed: a record or PDF that no longer verifies fails the delivery for good (ArchiveUnverifiedException).
        var pdf = (await archive.Reader.ReadAsync(entry, ArchiveFile.Pdf, cancellationToken))!;
        var limit = smtp.Value.MaxAttachmentBytes;
        var attach = delivery.Attach && pdf.Length <= limit;
        var metrics = (await reports.MetricsOfAsync(entry, cancellationToken)).Figures;
        var model = new
        {
            RecipientName = delivery.Name,
            AuthorityName = authorityName,
            ReportTitle = title,
            PeriodWords = period,
            Marking = entry.ProtectiveMarking ?? service.Value.ProtectiveMarking,
            Headlines = kind.Headlines.Where(h => metrics.ContainsKey(h.Key))
                .Select(h => new { h.Label, Value = Composition.ReportFormat.Metric(h.Key, metrics[h.Key]) }).ToList(),
            Link = $"{service.Value.PublicBaseUrl.TrimEnd('/')}/packs/{Uri.EscapeDataString(entry.Id)}",
            ArchiveId = entry.Id,
            PdfSha256 = pdfSha,
            ChainHead = await archive.Catalog.HeadAsync(cancellationToken),
            Attached = attach,
            TooLarge = delivery.Attach && !attach,
            LimitWords = $"{limit / 1048576.0:0.#} MB",
        };

        var message = new MimeMessage { MessageId = delivery.MessageId, Subject = $"[{model.Marking}] {authorityName}: {title}, {period}" };
        message.From.Add(MailboxAddress.Parse(smtp.Value.From!));
        message.To.Add(new MailboxAddress(delivery.Name ?? "", delivery.Email));
        // Kept out of auto-replies and marked for mail rules: a council's filters can route packs by these.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-ReportEngine-Archive-Id", entry.Id);
        var body = templates.Body("delivery", model);
        if (attach)
        {
            var name = entry.ReportFields().Parse(kinds).IdentityOrNull?.FileName ?? $"{entry.Id}.pdf";
            body.Attachments.Add(name, pdf, new ContentType("application", "pdf"));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
