using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Jobs;

/// <summary>Hangfire's own dashboard at <c>/hangfire</c>, for Admin only, its dates in en-GB.</summary>
internal static class JobsDashboard
{
    private const string BritishDates = "hangfire/en-gb.js";
    private static int _datesAdded;

    public static void Map(WebApplication app)
    {
        // Hangfire keeps its script bundle in a static list: add ours once per process, however many apps it hosts.
        if (Interlocked.Exchange(ref _datesAdded, 1) == 0) DashboardRoutes.AddJavaScript(typeof(JobsDashboard).Assembly, BritishDates);
        app.MapHangfireDashboardWithAuthorizationPolicy(AccessPolicy.Admin, "/hangfire", new DashboardOptions
        {
            // The endpoint's policy decides; Hangfire's own default would admit local requests only.
            Authorization = [],
            DisplayStorageConnectionString = false,
            DashboardTitle = "ReportEngine jobs",
            AppPath = "/",
        });
    }
}
