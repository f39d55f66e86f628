using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Service.Web.Pages.Admin;

/// <summary>The audit log for Admin, newest first, between two days.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public string? From { get; private set; }
    public string? To { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        (From, To) = (from, to);
        DateTimeOffset? Day(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Errors[field] = "Enter a date like 2024-01-31";
            return null;
        }
        var start = Day(from, "from");
        var end = Day(to, "to")?.AddDays(1);
        if (Errors.Count == 0) Events = await audit.ListAsync(start, end, 1000, cancellationToken);
    }
}
