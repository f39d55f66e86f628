using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Evidence;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Requests;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Requests;

/// <summary>Request a report: authority, kind, period and (for the quality-statement report) a statement; errors beside each field.</summary>
public sealed class NewModel(PostgresEvidenceStore evidence, RequestDesk desk, ReportKinds kinds) : PageModel
{
    [BindProperty] public RequestForm Form { get; set; } = new();

    public Dictionary<string, string> Errors { get; private set; } = [];
    public IReadOnlyList<string> Authorities { get; private set; } = [];

    /// <summary>
    /// The periods each authority's data covers (coverage.md), newest first, one group for each authority and way of
    /// dividing time the kinds use; empty when no imported dataset gives the dates to go by (the form asks for text then).
    /// </summary>
    public IReadOnlyList<PeriodGroup> Periods { get; private set; } = [];
    public IReadOnlyList<ReportKind> Kinds => kinds.All;
    public static IReadOnlyList<string> Statements => CodeNames<QualityStatement>.Codes;

    public async Task OnGetAsync(string? authority, string? kind, string? period, string? statement, CancellationToken cancellationToken)
    {
        Form = new RequestForm { Authority = authority, Kind = kind, Period = period, Statement = statement };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await desk.SubmitAsync(Form, HttpContext.Account(), HttpContext.Address(), cancellationToken))
        {
            case RequestOutcome.Taken taken:
                return Redirect($"/requests/{taken.Request.Id}");
            case RequestOutcome.Invalid invalid:
                Errors = new Dictionary<string, string>(invalid.Errors);
                break;
            case RequestOutcome.OutsideData outside:
                Errors = new Dictionary<string, string>(outside.Errors);
                break;
            case RequestOutcome.UnknownAuthority:
                Errors["authority"] = "Choose an authority from the list";
                break;
            case RequestOutcome.TooMany tooMany:
                Errors["kind"] = tooMany.Detail;
                break;
        }
        Response.StatusCode = 400;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        Authorities = (await evidence.AuthoritiesAsync(cancellationToken)).Where(account.MayRequest).ToList();
        var types = Kinds.Select(k => k.PeriodType).Distinct().ToList();
        var groups = new List<PeriodGroup>();
        foreach (var authority in Authorities)
        {
            if (await evidence.BoundsAsync(authority, cancellationToken) is not { } bounds) continue;
            foreach (var type in types)
            {
                var offered = bounds.Offered(type);
                var name = type == PeriodType.Month ? "Months" : "Business years";
                if (offered.Count > 0) groups.Add(new PeriodGroup(Authorities.Count == 1 ? name : $"{authority}: {name.ToLowerInvariant()}", offered));
            }
        }
        Periods = groups;
    }

    /// <param name="Label">Whose periods, and of which kind: "Months", "NDC: business years".</param>
    public sealed record PeriodGroup(string Label, IReadOnlyList<ReportPeriod> Periods);
}
