namespace ReportEngine.Service;

/// <summary>
/// Hangfire's queues, in the order workers take from them (Hangfire.PostgreSql also orders them by name): follow-up
/// work of reports already issued, then reports people are waiting for, then the scheduled backlog.
/// </summary>
public static class JobQueues
{
    public const string FollowUps = "default";
    public const string OnDemand = "on_demand";
    public const string Scheduled = "scheduled";

    public static readonly string[] InOrder = [FollowUps, OnDemand, Scheduled];
}
