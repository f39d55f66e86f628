using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Schedules;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Admin;

/// <summary>
/// Schedules an Admin manages (web.md version 2): for each authority and scheduled kind, its day and time in words, paused
/// or running, "Run now"; stored in PostgreSQL and taken by every <c>serve</c> at its next sync, this one at once. Audited.
/// </summary>
public sealed class SchedulesModel(ScheduleStore store, RecurringReportSchedule sync, PostgresEvidenceStore evidence, JobStorage jobs,
    IBackgroundJobClient client, AuditLog audit) : PageModel
{
    public IReadOnlyList<ReportSchedule> Schedules { get; private set; } = [];
    public IReadOnlyDictionary<string, RecurringJobDto> Recurring { get; private set; } = new Dictionary<string, RecurringJobDto>();
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }

    /// <summary>The schedule being changed (<c>?change=KIND:CODE</c>), with its form.</summary>
    public ReportSchedule? Changing { get; private set; }

    public Task OnGetAsync(string? change, CancellationToken cancellationToken) => LoadAsync(change, cancellationToken);

    public Task<IActionResult> OnPostTimeAsync(string? authority, string? kind, string? day, string? month, string? time, CancellationToken cancellationToken) =>
        ChangeAsync("schedule.time", authority, kind, async (code, reportKind) =>
        {
            var (when, problem) = ScheduleTime.Parse(day, month, time, reportKind.PeriodType != Metrics.PeriodType.Month);
            if (when is null) throw new AccountProblemException(problem!);
            await store.SetAsync(code, reportKind, when, null, HttpContext.Account().Actor, cancellationToken);
            return $"{code}'s {reportKind.Title}: {when.Words} (cron {when.Cron})";
        }, cancellationToken);

    public Task<IActionResult> OnPostPauseAsync(string? authority, string? kind, bool pause, CancellationToken cancellationToken) =>
        ChangeAsync(pause ? "schedule.pause" : "schedule.resume", authority, kind, async (code, reportKind) =>
        {
            await store.SetAsync(code, reportKind, null, pause, HttpContext.Account().Actor, cancellationToken);
            return $"{code}'s {reportKind.Title}: {(pause ? "paused" : "running again")}";
        }, cancellationToken);

    public Task<IActionResult> OnPostDefaultAsync(string? authority, string? kind, CancellationToken cancellationToken) =>
        ChangeAsync("schedule.default", authority, kind, async (code, reportKind) =>
        {
            await store.ResetAsync(code, reportKind, cancellationToken);
            return $"{code}'s {reportKind.Title}: back to the settings' schedule, running";
        }, cancellationToken);

    /// <summary>A request as the schedule would make it: the latest period of the kind that has ended.</summary>
    public Task<IActionResult> OnPostRunNowAsync(string? authority, string? kind, CancellationToken cancellationToken) =>
        ChangeAsync("schedule.run-now", authority, kind, (code, reportKind) =>
        {
            var job = client.Enqueue<ReportJob>(j => j.IssueScheduledAsync(code, reportKind.Name, null, CancellationToken.None));
            return Task.FromResult($"{code}'s {reportKind.Title}: run now (job {job})");
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string action, string? authority, string? kind, Func<string, Kinds.ReportKind, Task<string>> change,
        CancellationToken cancellationToken)
    {
        await LoadAsync(null, cancellationToken);
        (Done, var refusal) = await AuditedChange.RunAsync(HttpContext, audit, action, authority, async () =>
        {
            var reportKind = store.Schedulable.FirstOrDefault(k => k.Name == kind) ?? throw new AccountProblemException($"'{kind}' is not a kind of report that is scheduled");
            if (authority is null || Schedules.All(s => s.Authority != authority)) throw new AccountProblemException($"there is no authority {authority}");
            var done = await change(authority, reportKind);
            await sync.SyncAsync(cancellationToken);
            return done;
        }, text => text, cancellationToken);
        if (refusal is not null) Errors["schedule"] = refusal;
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? change, CancellationToken cancellationToken)
    {
        Schedules = await store.ListAsync(await evidence.AuthoritiesAsync(cancellationToken), cancellationToken);
        using var connection = jobs.GetConnection();
        Recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);
        Changing = Schedules.FirstOrDefault(s => RecurringReportSchedule.JobId(s.Kind, s.Authority) == change);
    }

    public static string MonthName(int month) => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
