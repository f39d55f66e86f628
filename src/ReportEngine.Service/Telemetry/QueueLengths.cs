using Hangfire;
using ReportEngine.Telemetry;

namespace ReportEngine.Service.Telemetry;

/// <summary>How many jobs wait in each queue, read from the shared storage when the metrics are collected (so every
/// <c>serve</c> reports the same number; a dashboard takes the maximum, not the sum).</summary>
internal sealed class QueueLengths
{
    public QueueLengths(JobStorage storage) =>
        ReportTelemetry.Meter.CreateObservableGauge("reportengine.queue.length", () => Read(storage), "{job}", "Jobs waiting in each queue");

    private static IEnumerable<System.Diagnostics.Metrics.Measurement<long>> Read(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        foreach (var queue in JobQueues.InOrder)
            yield return new(monitoring.EnqueuedCount(queue), new KeyValuePair<string, object?>("queue", queue));
    }
}
