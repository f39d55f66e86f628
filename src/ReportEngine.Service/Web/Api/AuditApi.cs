using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Api;

/// <summary>
/// <c>GET /api/v1/audit?from=&amp;to=&amp;before=&amp;limit=</c>: the audit log for Admin, newest first, a page at a time. When more
/// events exist than the page holds, a <c>Link: &lt;…&gt;; rel="next"</c> header gives the next page's address (RFC 8288,
/// as GitHub's API pages), so a page cut short never passes for the whole log.
/// </summary>
internal static class AuditApi
{
    public const int DefaultLimit = 500;
    public const int MostLimit = 5000;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async (DateTimeOffset? from, DateTimeOffset? to, long? before, int? limit, HttpContext context, AuditLog audit,
                CancellationToken cancellationToken) =>
            {
                if (limit is < 1 or > MostLimit)
                    return Problems.Result(400, "The query is not valid", "See the errors of each field.",
                        new Dictionary<string, string> { ["limit"] = $"a page holds 1 to {MostLimit} events" });
                var page = await audit.PageAsync(from, to, before, limit ?? DefaultLimit, cancellationToken);
                if (page.Before is { } next)
                {
                    var query = QueryString.Create([.. context.Request.Query.Where(q => q.Key != "before").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))),
                        KeyValuePair.Create("before", (string?)next.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                    context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{query}>; rel=\"next\"";
                }
                return Results.Ok(page.Events);
            })
            .RequireAuthorization(AccessPolicy.Admin)
            .WithName("ListAudit")
            .WithSummary("Audit events between two times (ISO 8601), newest first, at most limit (500 by default, 5000 at most) a page; " +
                         "a Link header with rel=\"next\" gives the next page when more exist")
            .Produces<IReadOnlyList<AuditEvent>>().ProducesProblem(400);
}
