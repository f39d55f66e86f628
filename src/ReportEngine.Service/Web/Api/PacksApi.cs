using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Archive;
using ReportEngine.Editions;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Reports;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Api;

/// <summary><c>GET /api/v1/packs</c> and the downloads of an entry's files (each download audited).</summary>
internal static class PacksApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/packs", async (string? authority, string? kind, string? from, string? to, bool? all, HttpContext context, ArchivedReports reports,
                CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string>();
                var fromMonth = Month(from, "from", errors);
                var toMonth = Month(to, "to", errors);
                if (errors.Count > 0) return Problems.Result(400, "The query is not valid", "See the errors of each field.", errors);
                // web.md version 2: the latest entry of each report; all=true adds those they supersede.
                var entries = await reports.ListAsync(context.Account(), authority, kind, fromMonth, toMonth, includeSuperseded: all == true, cancellationToken);
                var successors = entries.Where(e => e.Supersedes is not null).ToDictionary(e => e.Supersedes!, e => e.Id, StringComparer.Ordinal);
                var views = new List<PackView>();
                foreach (var e in entries)
                    views.Add(new PackView(e.Id, e.Authority!, e.Kind!, e.Period!, e.Parameter, e.CreatedAt, await reports.PagesAsync(e, cancellationToken),
                        e.Files.GetValueOrDefault(ArchiveFile.Pdf), e.Supersedes, successors.GetValueOrDefault(e.Id)));
                return Results.Ok(views);
            })
            .WithName("ListPacks")
            .WithSummary("The latest archive entry of each report you may see, newest first; all=true adds the entries they supersede; from and to are months (YYYY-MM)")
            .Produces<IReadOnlyList<PackView>>().ProducesProblem(400);

        foreach (var (role, suffix) in new[] { ("pdf", "pdf"), ("pdfa", "pdfa"), ("metrics", "metrics"), ("html", "html"), ("xlsx", "xlsx"), ("docx", "docx") })
        {
            api.MapGet($"/packs/{{archiveId}}/{suffix}", (string archiveId, HttpContext context, ArchivedReports reports, ReportKinds kinds, AuditLog audit,
                    CancellationToken cancellationToken) => DownloadAsync(archiveId, role, context, reports, kinds, audit, cancellationToken))
                .WithName($"Download{char.ToUpperInvariant(suffix[0])}{suffix[1..]}")
                .WithSummary(role switch
                {
                    "pdf" => "The PDF as issued", "pdfa" => "The PDF/A-2b copy", "metrics" => "metrics.json",
                    "html" => "The HTML edition, to read in the browser (sandboxed, no script)", "xlsx" => "The Excel edition", _ => "The Word edition",
                })
                .Produces(200, contentType: role switch { "metrics" => "application/json", "pdf" or "pdfa" => "application/pdf", _ => EditionFormat.Named(role)!.ContentType })
                .ProducesProblem(404).ProducesProblem(409);
        }
    }

    /// <summary>The HTML edition shown in the browser, not downloaded: under its own sandboxed policy (<see cref="SecurityHeaders.ReportDocument"/>).</summary>
    private static IResult ReportDocument(HttpContext context, byte[] html)
    {
        context.Items[SecurityHeaders.ReportDocument] = true;
        return Results.Bytes(html, EditionFormat.Html.ContentType);
    }

    private static ReportingPeriod? Month(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ReportingPeriod.TryParse(text, out var month)) return month;
        errors[field] = PeriodType.Month.Refusal(text);
        return null;
    }

    private static async Task<IResult> DownloadAsync(string archiveId, string role, HttpContext context, ArchivedReports reports, ReportKinds kinds,
        AuditLog audit, CancellationToken cancellationToken)
    {
        var account = context.Account();
        var entry = await reports.FindAsync(account, archiveId, cancellationToken);
        if (entry is null)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, $"download.{role}", "refused", Address: context.Address(), Detail: $"no entry {archiveId} to see"), cancellationToken);
            return RequestsApi.NotFound();
        }
        var identity = entry.ReportFields().Parse(kinds).IdentityOrNull;
        var report = identity?.ToString() ?? entry.Id;
        byte[]? bytes;
        try
        {
            bytes = await reports.ReadAsync(entry, role, cancellationToken);
        }
        catch (ArchiveUnverifiedException unverified)
        {
            // Served only as signed: a record or object that no longer verifies is refused, and the refusal is on record.
            await audit.WriteAsync(new AuditEvent(account.Actor, $"download.{role}", "refused", entry.Authority, report, context.Address(), unverified.Message), cancellationToken);
            return Problems.Result(409, "This report does not verify", unverified.Message);
        }
        if (bytes is null)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, $"download.{role}", "refused", entry.Authority, report, context.Address(), "not made yet"), cancellationToken);
            return Problems.Result(404, "Not made yet",
                $"The {(role == ArchiveFile.PdfA ? "PDF/A copy" : "editions")} of this report {(role == ArchiveFile.PdfA ? "is" : "are")} still being made; try again in a minute.");
        }
        await audit.WriteAsync(new AuditEvent(account.Actor, $"download.{role}", "succeeded", entry.Authority, report, context.Address(), $"archive entry {entry.Id}"),
            cancellationToken);
        var name = identity is { } i ? Path.GetFileNameWithoutExtension(i.FileName) : entry.Id;
        return role switch
        {
            "pdf" => Results.File(bytes, "application/pdf", $"{name}.pdf"),
            "pdfa" => Results.File(bytes, "application/pdf", $"{name}-pdfa.pdf"),
            "metrics" => Results.File(bytes, "application/json", $"{name}.metrics.json"),
            "html" => ReportDocument(context, bytes),
            _ => Results.File(bytes, EditionFormat.Named(role)!.ContentType, $"{name}.{role}"),
        };
    }
}
