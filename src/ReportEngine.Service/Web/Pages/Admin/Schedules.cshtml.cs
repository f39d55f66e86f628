using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReportEngine.Service.Web.Pages.Admin;

/// <summary>The recurring report schedules as Hangfire holds them: one per authority and scheduled kind.</summary>
public sealed class SchedulesModel(JobStorage jobs) : PageModel
{
    public IReadOnlyList<RecurringJobDto> Schedules { get; private set; } = [];

    public void OnGet()
    {
        using var connection = jobs.GetConnection();
        Schedules = connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
    }
}
