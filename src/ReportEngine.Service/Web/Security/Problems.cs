using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ReportEngine.Service.Web.Security;

/// <summary>RFC 9457 problem details for the API, written the same way by handlers, endpoints and the access rules.</summary>
public static class Problems
{
    public static IResult Result(int status, string title, string detail, IReadOnlyDictionary<string, string>? errors = null) =>
        Results.Json(Body(status, title, detail, errors), statusCode: status, contentType: "application/problem+json");

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(Body(status, title, detail, null)));
    }

    /// <param name="errors">For a validation error: each field and what is wrong with it.</param>
    private static Dictionary<string, object> Body(int status, string title, string detail, IReadOnlyDictionary<string, string>? errors)
    {
        var body = new Dictionary<string, object> { ["type"] = "about:blank", ["title"] = title, ["status"] = status, ["detail"] = detail };
        if (errors is not null) body["errors"] = errors.ToDictionary(e => e.Key, e => new[] { e.Value });
        return body;
    }
}
