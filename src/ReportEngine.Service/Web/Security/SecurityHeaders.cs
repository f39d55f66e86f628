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

    /// <summary>
    /// Set (to true) in a response's items to let this site's own pages frame it: a draft's PDF shown in its page
    /// (review.md). Only framing is governed then; a PDF runs no script of ours.
    /// </summary>
    public const string FramedBySelf = "reportengine.framed-by-self";

    /// <summary>
    /// Set in a response's items for a report's HTML edition, viewed in the browser: a document of the archive's, not
    /// a page of the dashboard's, so it runs sandboxed (no script, no forms, its own origin) with nothing to load but its
    /// own inline styles and data: images.
    /// </summary>
    public const string ReportDocument = "reportengine.report-document";

    private const string ReportDocumentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; " +
                                                "frame-ancestors 'none'; sandbox";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var framed = context.Items.ContainsKey(FramedBySelf);
            headers.ContentSecurityPolicy = context.Items.ContainsKey(ReportDocument) ? ReportDocumentPolicy
                : framed ? "frame-ancestors 'self'" : context.Request.Path.StartsWithSegments("/hangfire") ? HangfirePolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = framed ? "SAMEORIGIN" : "DENY";
            return Task.CompletedTask;
        });
        await next();
    });
}
