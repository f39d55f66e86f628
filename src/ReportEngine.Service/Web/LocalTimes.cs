using System.Globalization;
using Microsoft.Extensions.Options;
using ReportEngine.Rendering;

namespace ReportEngine.Service.Web;

/// <summary>Moments as the dashboard shows them, in the service's configured time zone (<c>ReportEngine:TimeZone</c>), as the schedules run.</summary>
public sealed class LocalTimes(IOptions<ReportOptions> options)
{
    private readonly TimeZoneInfo _zone = options.Value.FindZone();

    /// <summary><c>26 Nov 2026 14:05</c>.</summary>
    public string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
