using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Admin;

/// <summary>The audit log for Admin, newest first, between two days.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    /// <summary>Events a page shows.</summary>
    public const int PageSize = 1000;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    /// <summary>The cursor of the next, older page; null when there is none.</summary>
    public long? Before { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The most rows one export holds: the newest of the filter, as the page says when there are more.</summary>
    public const int MostExported = 100_000;

    public async Task OnGetAsync(string? from, string? to, long? before, CancellationToken cancellationToken)
    {
        var (start, end) = Range(from, to);
        if (Errors.Count > 0) return;
        (Events, Before) = await audit.PageAsync(start, end, before, PageSize, cancellationToken);
    }

    /// <summary>The filter's events as CSV, newest first (a cell that a spreadsheet would take for a formula starts with ').</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var (start, end) = Range(from, to);
        if (Errors.Count > 0)
        {
            Response.StatusCode = 400;
            return Page();
        }
        var rows = new List<AuditEvent>();
        long? before = null;
        do
        {
            var page = await audit.PageAsync(start, end, before, Math.Min(5000, MostExported - rows.Count), cancellationToken);
            rows.AddRange(page.Events);
            before = page.Before;
        } while (before is not null && rows.Count < MostExported);
        await audit.WriteAsync(new AuditEvent(HttpContext.Account().Actor, "audit.export", "succeeded", Address: HttpContext.Address(),
            Detail: $"{rows.Count} events from {from ?? "the first"} to {to ?? "the last"}"), cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "id", "at", "actor", "action", "what", "outcome", "authority", "report", "address", "detail" }) csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var e in rows)
            {
                foreach (var field in new[] { e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Action,
                             AuditWords.Action(e.Action), e.Outcome, e.Authority, e.Report, e.Address, e.Detail })
                    csv.WriteField(NotAFormula(field));
                await csv.NextRecordAsync();
            }
        }
        return File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"audit-{from ?? "all"}-{to ?? "now"}.csv");
    }

    private static string? NotAFormula(string? value) => value is { Length: > 0 } && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    private (DateTimeOffset? Start, DateTimeOffset? End) Range(string? from, string? to)
    {
        (From, To) = (from, to);
        DateTimeOffset? Day(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Errors[field] = "Enter a date like 31 01 2024, or choose one";
            return null;
        }
        var start = Day(from, "from");
        // The last day there is (9999-12-31) has no next day: the range is open at its end.
        var end = Day(to, "to") is { } last && last.Date < DateTime.MaxValue.Date ? last.AddDays(1) : (DateTimeOffset?)null;
        return (start, end);
    }
}
