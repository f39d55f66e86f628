namespace ReportEngine.Service;

/// <summary>
/// Hangfire's queues, in the order workers take from them (Hangfire.PostgreSql also orders them by name): follow-up
/// work people wait for (delivery), then reports people are waiting for, then the scheduled backlog, then follow-up
/// work that can wait for the reports (PDF/A copies: the report is archived already, and shown as "PDF/A pending").
/// </summary>
public static class JobQueues
{
    public const string FollowUps = "default";
    public const string OnDemand = "on_demand";
    public const string Scheduled = "scheduled";
    public const string WhenIdle = "when_idle";

    public static readonly string[] InOrder = [FollowUps, OnDemand, Scheduled, WhenIdle];
}
