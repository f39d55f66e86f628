using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Archive;
using ReportEngine.Composition.Monthly;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Reports;
using ReportEngine.Service.Web.Requests;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages;

/// <summary>Home: for each authority the person may see, the latest report of each kind with its headline figures, the next scheduled run, and requests in progress.</summary>
public sealed class IndexModel(PostgresEvidenceStore evidence, ArchivedReports reports, RequestStore requests, ReportKinds kinds, JobStorage jobs,
    PostgresDrafts drafts, AuthorityNames names) : PageModel
{
    /// <summary>review.md: the open drafts this person may sign off, and the returned ones awaiting changes, of the authorities they may see.</summary>
    public int AwaitingSignOff { get; private set; }

    public int Returned { get; private set; }

    public IReadOnlyList<AuthoritySummary> Authorities { get; private set; } = [];
    public IReadOnlyList<OnDemandRequest> InProgress { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        var visible = (await evidence.AuthoritiesAsync(cancellationToken)).Where(account.MaySee).ToList();
        using var connection = jobs.GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);
        var summaries = new List<AuthoritySummary>();
        foreach (var authority in visible)
        {
            var latest = await reports.LatestOfEachKindAsync(authority, cancellationToken);
            var rows = new List<KindSummary>();
            var attention = new List<AttentionHeadline>();
            ArchiveRecord? attentionFrom = null;
            foreach (var kind in kinds.All)
            {
                var entry = latest.FirstOrDefault(e => e.Kind == kind.Name);
                var figures = new List<Headline>();
                if (entry is not null)
                {
                    var metrics = await HeadlinesOfAsync(entry, cancellationToken);
                    foreach (var headline in kind.Headlines)
                        if (metrics.Figures.TryGetValue(headline.Key, out var metric))
                            figures.Add(new Headline(headline.Label, Composition.ReportFormat.Metric(headline.Key, metric), metrics.EnglandBeside(headline.Key)));
                    // coverage.md: the risks to people and the figures off target of the latest report that lists them.
                    var urgent = metrics.Attention.Where(a => a.Tier <= AttentionTier.OffTarget).ToList();
                    if (urgent.Count > 0 && (attentionFrom is null || entry.CreatedAt > attentionFrom.CreatedAt))
                    {
                        attention = urgent.Select(a => AttentionHeadline.Of(a, metrics.Figures)).ToList();
                        attentionFrom = entry;
                    }
                }
                var next = recurring.TryGetValue(RecurringReportSchedule.JobId(kind, authority), out var job) ? job.NextExecution : null;
                rows.Add(new KindSummary(kind, entry, figures, next));
            }
            summaries.Add(new AuthoritySummary(authority, await names.NameOfAsync(authority, cancellationToken), rows, attention, attentionFrom));
        }
        Authorities = summaries;
        InProgress = (await requests.InFlightAsync(cancellationToken)).Where(r => account.MaySee(r.Report.Authority)).ToList();
        var current = (await drafts.ListAsync(null, cancellationToken: cancellationToken)).Where(d => account.MaySee(d.Report.Authority)).ToList();
        AwaitingSignOff = current.Count(d => Drafts.IndexModel.AwaitsSignOffBy(account, d));
        Returned = current.Count(d => d.State == Review.DraftState.Returned);
    }

    /// <summary>An entry's figures; none when it does not verify (its archive page says why), so one bad entry never breaks the home page.</summary>
    private async Task<ArchivedMetrics> HeadlinesOfAsync(ArchiveRecord entry, CancellationToken cancellationToken)
    {
        try
        {
            return await reports.MetricsOfAsync(entry, cancellationToken);
        }
        catch (ArchiveUnverifiedException)
        {
            return ArchivedMetrics.None;
        }
    }

    public string TitleOf(ArchiveRecord entry) => reports.TitleOf(entry);

    /// <param name="Attention">The tier-1 and tier-2 items of "What needs attention" of <paramref name="AttentionFrom"/>.</param>
    /// <param name="Name">The authority's name as its dataset gives it ("Northdale County Council").</param>
    public sealed record AuthoritySummary(string Code, string Name, IReadOnlyList<KindSummary> Kinds, IReadOnlyList<AttentionHeadline> Attention, ArchiveRecord? AttentionFrom);

    public sealed record KindSummary(ReportKind Kind, ArchiveRecord? Latest, IReadOnlyList<Headline> Figures, DateTime? NextRun);

    /// <param name="England">England's figure, its period and the quarter of councils (benchmarks.md); null when none was published.</param>
    public sealed record Headline(string Label, string Value, string? England);
}
