using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReportEngine.Service.Web.Security;

/// <summary>
/// The API answers every error as problem+json (RFC 9457), not only those its endpoints write: a body it could not read
/// (malformed JSON, which ASP.NET Core answers with an empty 400), an unexpected failure (a database outage) and any
/// other status without a body. What failed goes to the log, never to the caller.
/// </summary>
internal static class ApiProblems
{
    public static void UseApiProblems(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var status = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems))
                    .LogError(ex, "The API failed on {Method} {Path}", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                await Problems.WriteAsync(context, status, status == 500 ? "Something went wrong" : ReasonPhrases.GetReasonPhrase(status),
                    status == 500 ? "The service could not answer just now; try again in a minute. The log says what failed." : "The request could not be read.");
                return;
            }
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
                await Problems.WriteAsync(context, response.StatusCode, ReasonPhrases.GetReasonPhrase(response.StatusCode),
                    response.StatusCode == 400 ? "The request could not be read: check that its body is JSON as the OpenAPI document describes." : "See the status.");
        }));
}
