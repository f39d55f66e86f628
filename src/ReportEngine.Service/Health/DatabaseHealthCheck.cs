using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ReportEngine.Service.Health;

public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM reportengine.authorities");
            var authorities = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{authorities} authorities");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached", ex);
        }
    }
}
