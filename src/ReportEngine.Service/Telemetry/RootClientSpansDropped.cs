using OpenTelemetry.Trace;

namespace ReportEngine.Service.Telemetry;

/// <summary>
/// Keeps a database command's span only inside a trace: Hangfire's storage polls PostgreSQL every few seconds, and each
/// poll alone would be a trace of its own. Every other span without a parent (a request, a scheduled job) is kept.
/// </summary>
internal sealed class RootClientSpansDropped : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        new(parameters.Kind == System.Diagnostics.ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
