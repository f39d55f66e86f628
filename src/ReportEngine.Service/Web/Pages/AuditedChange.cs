using Microsoft.AspNetCore.Http;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages;

/// <summary>
/// One change a person makes on a page (an Admin's on theirs, anyone's own subscriptions), audited either way: "succeeded" with what was done, or "refused" (400) with the
/// reason the store gave. The pages show the outcome; this keeps the audit rule in one place.
/// </summary>
internal static class AuditedChange
{
    /// <param name="describe">What the audit row says beside the outcome (the sentence done, or the refusal).</param>
    /// <returns>The sentence of what was done, or null and the refusal.</returns>
    public static async Task<(string? Done, string? Refusal)> RunAsync(HttpContext http, AuditLog audit, string action, string? authority,
        Func<Task<string>> change, Func<string, string> describe, CancellationToken cancellationToken)
    {
        var actor = http.Account().Actor;
        try
        {
            var done = await change();
            await audit.WriteAsync(new AuditEvent(actor, action, "succeeded", authority, null, http.Address(), describe(done)), cancellationToken);
            return (done, null);
        }
        catch (AccountProblemException ex)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await audit.WriteAsync(new AuditEvent(actor, action, "refused", authority, null, http.Address(), describe(ex.Message)), cancellationToken);
            return (null, ex.Message);
        }
    }
}
