using System.Net;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Web;

/// <summary>
/// Schedules people manage (web.md version 2), with two services on one database: an Admin pauses, re-times and runs a
/// schedule on the dashboard's service, and a second <c>serve</c> process, syncing every second, takes each change
/// without a restart (before, its sync put the settings' schedule back). Every change audited.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SchedulesTests(DashboardFixture dashboard)
{
    /// <summary>The test services' monthly schedule (<see cref="ServeProcess.Settings"/>): once a year, on a day no test runs.</summary>
    private static readonly string Settings = ServeProcess.Settings("")["ReportEngine:Schedules:monthly"];

    private async Task<string?> CronAsync(string id)
    {
        await using var read = dashboard.DataSource.CreateCommand(
            "SELECT h.value FROM hangfire.set s JOIN hangfire.hash h ON h.key = 'recurring-job:' || s.value AND h.field = 'Cron' WHERE s.key = 'recurring-jobs' AND s.value = $1");
        read.Parameters.Add(new() { Value = id });
        return (string?)await read.ExecuteScalarAsync();
    }

    private async Task<string> RecurringAsync()
    {
        await using var read = dashboard.DataSource.CreateCommand(
            "SELECT string_agg(key || ' ' || field || '=' || coalesce(value, ''), '; ') FROM hangfire.hash WHERE key LIKE 'recurring-job:%' AND field = 'Cron'");
        return $"recurring jobs: {await read.ExecuteScalarAsync()}";
    }

    private async Task<string> PostAsync(HttpClient admin, string handler, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await admin.GetStringAsync("/admin/schedules"));
        var response = await admin.PostAsync($"/admin/schedules?handler={handler}", new FormUrlEncodedContent(form));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        return page;
    }

    [Fact]
    public async Task A_schedule_paused_re_timed_and_run_on_the_dashboard_is_taken_by_a_second_serve_without_a_restart()
    {
        using var output = new TempFolder();
        await using var second = await ServeProcess.StartAsync(dashboard.Database, output.Path, new Dictionary<string, string>
        {
            ["ReportEngine__Archive__Folder"] = dashboard.ArchiveFolder,
            ["ReportEngine__ScheduleSyncInterval"] = "00:00:01",
        });
        using var admin = await dashboard.SignedInAsync(DashboardFixture.Admin);
        var before = await dashboard.LastAuditIdAsync();
        var schedule = new Dictionary<string, string> { ["authority"] = "NDC", ["kind"] = "monthly" };
        try
        {
            await Eventually.WaitAsync(async () => await CronAsync("monthly:NDC") == Settings, RecurringAsync, "the settings' schedule");

            var paused = await PostAsync(admin, "Pause", new(schedule) { ["pause"] = "true" });
            Assert.Contains("NDC&#x27;s Inspection-readiness pack: paused", paused);
            await Task.Delay(3000); // three of the second service's syncs
            Assert.Null(await CronAsync("monthly:NDC"));

            await PostAsync(admin, "Pause", new(schedule) { ["pause"] = "false" });
            var timed = await PostAsync(admin, "Time", new(schedule) { ["day"] = "2", ["time"] = "07:30" });
            Assert.Contains("Day 2 of each month at 07:30", timed);
            await Task.Delay(3000);
            Assert.Equal("30 7 2 * *", await CronAsync("monthly:NDC"));

            var refused = await admin.PostAsync("/admin/schedules?handler=Time", new FormUrlEncodedContent(new Dictionary<string, string>(schedule)
            {
                ["day"] = "31", ["time"] = "07:30",
                ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await admin.GetStringAsync("/admin/schedules")),
            }));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("from 1 to 28", await refused.Content.ReadAsStringAsync());

            var ran = await PostAsync(admin, "RunNow", new(schedule));
            Assert.Matches("run now \\(job [0-9]+\\)", ran);
        }
        finally
        {
            await PostAsync(admin, "Default", new(schedule));
        }
        await Task.Delay(3000);
        Assert.Equal(Settings, await CronAsync("monthly:NDC"));
        var audit = await dashboard.AuditAsync(before);
        Assert.Equal(["schedule.pause", "schedule.resume", "schedule.time", "schedule.time", "schedule.run-now", "schedule.default"],
            audit.Where(a => a.Action.StartsWith("schedule.", StringComparison.Ordinal)).OrderBy(a => a.Id).Select(a => a.Action));
        Assert.Contains(audit, a => a.Action == "schedule.time" && a.Outcome == "refused");
    }
}
