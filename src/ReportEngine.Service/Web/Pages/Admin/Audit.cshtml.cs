using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Service.Web.Audit;

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

    public async Task OnGetAsync(string? from, string? to, long? before, CancellationToken cancellationToken)
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
        // The last day there is (9999-12-31) has no next day: the range is open at its end.
        var end = Day(to, "to") is { } last && last.Date < DateTime.MaxValue.Date ? last.AddDays(1) : (DateTimeOffset?)null;
        if (Errors.Count > 0) return;
        (Events, Before) = await audit.PageAsync(start, end, before, PageSize, cancellationToken);
    }
}
