using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Api;

/// <summary><c>GET /api/v1/audit?from=&amp;to=</c>: the audit log for Admin, newest first.</summary>
internal static class AuditApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async (DateTimeOffset? from, DateTimeOffset? to, AuditLog audit, CancellationToken cancellationToken) =>
                Results.Ok(await audit.ListAsync(from, to, 5000, cancellationToken)))
            .RequireAuthorization(AccessPolicy.Admin)
            .WithName("ListAudit")
            .WithSummary("Audit events between two times (ISO 8601), newest first")
            .Produces<IReadOnlyList<AuditEvent>>();
}
