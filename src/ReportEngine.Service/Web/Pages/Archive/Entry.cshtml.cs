using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Archive;
using ReportEngine.Service.Web.Reports;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Archive;

/// <summary>One archive entry: what it is, who asked, what made it, its files with their hashes, and whether they verify.</summary>
public sealed class EntryModel(ArchivedReports reports, Delivery.DeliveryStore deliveries) : PageModel
{
    public ArchiveRecord Entry { get; private set; } = null!;
    public EntryCheck Check { get; private set; } = null!;
    public string? PdfA { get; private set; }

    /// <summary>Whether its HTML, Excel and Word editions are made (their follow-up runs after the report is issued).</summary>
    public bool HasEditions { get; private set; }
    public int? Pages { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<Delivery.DeliveryRecord> Deliveries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(HttpContext.Account(), id, cancellationToken) is not { } entry) return NotFound();
        Entry = entry;
        Title = reports.TitleOf(entry);
        Check = await reports.CheckAsync(entry, cancellationToken);
        PdfA = await reports.FileOfAsync(entry, ArchiveFile.PdfA, cancellationToken);
        HasEditions = await reports.FileOfAsync(entry, ArchiveFile.Html, cancellationToken) is not null;
        Pages = await reports.PagesAsync(entry, cancellationToken);
        Deliveries = await deliveries.ListAsync(entry.Id, cancellationToken);
        return Page();
    }
}
