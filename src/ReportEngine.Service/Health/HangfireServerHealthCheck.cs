using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReportEngine.Service.Health;

/// <summary>Ready only while this process's Hangfire server is registered and beating: a process that cannot take jobs is not ready.</summary>
internal sealed class HangfireServerHealthCheck(JobStorage storage) : IHealthCheck
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var name = ServiceHost.ServerName.ToLowerInvariant();
        var server = storage.GetMonitoringApi().Servers()
            .FirstOrDefault(s => s.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(server switch
        {
            null => HealthCheckResult.Unhealthy("this process's job server is not running"),
            { Heartbeat: { } beat } when DateTime.UtcNow - beat > Stale => HealthCheckResult.Unhealthy($"the job server's last heartbeat was at {beat:O}"),
            _ => HealthCheckResult.Healthy($"job server {server.Name}, {server.WorkersCount} workers"),
        });
    }
}
