using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Api;

/// <summary><c>GET /api/v1/periods</c> (web.md version 2): the periods an authority's evidence allows for a kind, newest first (coverage.md).</summary>
internal static class PeriodsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/periods", async (string? authority, string? kind, HttpContext context, PostgresEvidenceStore evidence, ReportKinds kinds,
                CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string>();
                if (string.IsNullOrWhiteSpace(authority)) errors["authority"] = "Give the authority's code";
                var reportKind = kinds.Find(kind);
                if (reportKind is null) errors["kind"] = $"Give one of the kinds: {string.Join(", ", kinds.All.Select(k => k.Name))}";
                if (errors.Count > 0) return Problems.Result(400, "The query is not valid", "See the errors of each field.", errors);
                // An authority not granted is answered as one without data: whether it exists is not told.
                if (!context.Account().MaySee(authority!) || await evidence.BoundsAsync(authority!, cancellationToken) is not { } bounds)
                    return Problems.Result(404, "No such authority", $"There is no imported evidence of {authority} that you may see.");
                return Results.Ok(bounds.Offered(reportKind!.PeriodType).Select(p => p.ToString()).ToList());
            })
            .WithName("ListPeriods")
            .WithSummary("The periods the authority's evidence allows for a kind of report, newest first (coverage.md)")
            .Produces<IReadOnlyList<string>>().ProducesProblem(400).ProducesProblem(404);
}
