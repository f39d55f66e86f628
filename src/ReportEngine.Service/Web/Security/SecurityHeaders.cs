using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReportEngine.Service.Web.Security;

/// <summary>The headers web.md asks of every response: no inline script, no framing, no sniffing, no referrer to other sites.</summary>
internal static class SecurityHeaders
{
    // Hangfire's own dashboard sets styles inline; it is for Admin only and has no inline script either.
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                                  "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
    private const string HangfirePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                                          "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? HangfirePolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        await next();
    });
}
