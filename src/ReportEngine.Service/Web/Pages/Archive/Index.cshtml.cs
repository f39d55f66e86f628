using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Archive;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Reports;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Archive;

/// <summary>The archive: every issued report the person may see, filtered by authority, kind and period, with its downloads.</summary>
public sealed class IndexModel(PostgresEvidenceStore evidence, ArchivedReports reports, ReportKinds kinds) : PageModel
{
    public string? Authority { get; private set; }
    public string? Kind { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public bool Replaced { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public IReadOnlyList<string> Authorities { get; private set; } = [];
    public IReadOnlyList<ReportKind> Kinds => kinds.All;
    public IReadOnlyList<ArchiveRecord> Entries { get; private set; } = [];
    public ArchivedReports Reports => reports;

    public async Task OnGetAsync(string? authority, string? kind, string? from, string? to, bool replaced, CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        (Authority, Kind, From, To, Replaced) = (Blank(authority), Blank(kind), Blank(from), Blank(to), replaced);
        Authorities = (await evidence.AuthoritiesAsync(cancellationToken)).Where(account.MaySee).ToList();
        ReportingPeriod? Month(string? text, string field)
        {
            if (text is null) return null;
            if (ReportingPeriod.TryParse(text, out var month)) return month;
            Errors[field] = $"Enter a month like 2024-01";
            return null;
        }
        var fromMonth = Month(From, "from");
        var toMonth = Month(To, "to");
        if (Errors.Count > 0) return;
        Entries = await reports.ListAsync(account, Authority, Kind, fromMonth, toMonth, Replaced, cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
