namespace ReportEngine.Service.Web.Audit;

/// <summary>One row of the audit log (web.md): when, who, what, which authority and report, from where, and the outcome.</summary>
/// <param name="Actor"><c>person:EMAIL</c>, or what was given when no account matched (a failed sign-in).</param>
/// <param name="Action">What was done, in dotted words: <c>sign-in.password</c>, <c>request</c>, <c>download.pdf</c>, <c>user.grant</c>.</param>
/// <param name="Outcome"><c>succeeded</c>, <c>refused</c>, <c>failed</c> or <c>locked-out</c>.</param>
public sealed record AuditEvent(
    string Actor,
    string Action,
    string Outcome,
    string? Authority = null,
    string? Report = null,
    string? Address = null,
    string? Detail = null)
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
}
