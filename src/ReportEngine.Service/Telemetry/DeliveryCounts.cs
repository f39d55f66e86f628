using System.Diagnostics.Metrics;
using ReportEngine.Service.Delivery;
using ReportEngine.Telemetry;

namespace ReportEngine.Service.Telemetry;

/// <summary>Each delivery to one recipient, by how it ended: sent, already sent, deferred to a later retry, failed.</summary>
internal static class DeliveryCounts
{
    private static readonly Counter<long> Deliveries = ReportTelemetry.Meter.CreateCounter<long>("reportengine.deliveries", "{delivery}",
        "Deliveries of an issued report to one recipient, by outcome");

    public static DeliveryOutcome Count(DeliveryOutcome outcome)
    {
        Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Kind.ToString().ToLowerInvariant()));
        return outcome;
    }
}
