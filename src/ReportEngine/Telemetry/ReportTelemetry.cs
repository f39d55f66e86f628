using ReportEngine.Foundation;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReportEngine.Telemetry;

/// <summary>
/// The engine's traces and metrics, under one name. They cost nothing until something listens: <c>serve</c> exports them
/// over OTLP when an endpoint is configured. Names follow OpenTelemetry's conventions (dotted, units in seconds).
/// </summary>
public static class ReportTelemetry
{
    public const string Name = "ReportEngine";

    internal static ActivitySource Source { get; } = new(Name, EngineVersion.Current);

    public static Meter Meter { get; } = new(Name, EngineVersion.Current);

    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("reportengine.reports.issued", "{report}",
        "Reports issued: rendered now, or found already issued and reused");

    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("reportengine.reports.failed", "{report}",
        "Reports that could not be issued; permanent failures are not retried");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("reportengine.report.duration", "s",
        "Time from the start of issuing to the report issued");

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("reportengine.stage.duration", "s",
        "Time in each stage of making a report: gather, compute, template, print");

    /// <param name="stages">The time in each stage (gather, compute, template, print); none when nothing was rendered.</param>
    internal static void RecordIssued(string kindName, bool reused, TimeSpan elapsed, IEnumerable<(string Stage, TimeSpan Time)> stages)
    {
        var kind = new KeyValuePair<string, object?>("kind", kindName);
        Issued.Add(1, kind, new("outcome", reused ? "reused" : "rendered"));
        Duration.Record(elapsed.TotalSeconds, kind);
        foreach (var (stage, time) in stages) StageDuration.Record(time.TotalSeconds, kind, new("stage", stage));
    }

    internal static void RecordFailed(string kindName, Exception exception) =>
        Failed.Add(1, new("kind", kindName), new("permanent", FailurePolicy.IsPermanent(exception)), new("error", exception.GetType().Name));
}
