using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportEngine.Foundation;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Health;

/// <summary>
/// What <c>/health/ready</c> answers: to anyone, the status alone (which part failed is for the log, not for whoever
/// asks); to a signed-in Admin, also the version this process runs, the process, and each check's status and reason.
/// </summary>
internal static class HealthAnswer
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (context.AccountOrNull() is not { Role: Role.Admin })
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            version = EngineVersion.Current,
            server = ServiceHost.ServerName,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                milliseconds = (long)e.Value.Duration.TotalMilliseconds,
            }),
        });
    }
}
