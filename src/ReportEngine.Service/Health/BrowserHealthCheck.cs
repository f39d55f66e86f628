using Microsoft.Extensions.Diagnostics.HealthChecks;
using PuppeteerSharp;
using ReportEngine.Printing;

namespace ReportEngine.Service.Health;

/// <summary>Starts the warm browser if needed and asks it for its version.</summary>
public sealed class BrowserHealthCheck(ChromiumBrowser browser) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var lease = await browser.LeaseAsync(print: false, cancellationToken);
            return HealthCheckResult.Healthy(await lease.Browser.GetVersionAsync());
        }
        catch (Exception ex) when (ex is BrowserUnavailableException or PuppeteerException or IOException)
        {
            return HealthCheckResult.Unhealthy("The browser cannot be started", ex);
        }
    }
}
