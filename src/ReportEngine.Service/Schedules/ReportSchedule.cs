namespace ReportEngine.Service.Schedules;

/// <summary>
/// A report kind's schedule for an authority as it stands: its cron (the stored one, else the settings' or the kind's
/// default; null for on request only), and whether an Admin paused it.
/// </summary>
/// <param name="Stored">Whether an Admin set it on the dashboard (otherwise it follows the settings).</param>
public sealed record ReportSchedule(string Authority, Kinds.ReportKind Kind, string? Cron, bool Paused, bool Stored)
{
    /// <summary>Whether the schedule runs: it has a time and is not paused.</summary>
    public bool Runs => Cron is not null && !Paused;

    public string When => Cron is null ? "On request only" : ScheduleTime.FromCron(Cron)?.Words ?? $"cron {Cron}";
}
