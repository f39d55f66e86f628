using ReportEngine.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReportEngine.Telemetry;

namespace ReportEngine.Service.Telemetry;

/// <summary>
/// OpenTelemetry for <c>serve</c>: the engine's traces, metrics and logs, ASP.NET Core's, Npgsql's and the runtime's, with
/// each job joined to the trace that asked for it (<see cref="JobTracing"/>), exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other standard <c>OTEL_*</c> settings: protocol, headers,
/// export interval). Without an endpoint nothing is collected.
/// </summary>
internal static class TelemetryExport
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return;
        services.AddSingleton<QueueLengths>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("reportengine", serviceVersion: EngineVersion.Current,
                serviceInstanceId: ServiceHost.ServerName))
            .WithMetrics(metrics => metrics.AddMeter(ReportTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing.AddSource(ReportTelemetry.Name, JobTracing.SourceName, "Npgsql")
                .SetSampler(new ParentBasedSampler(new RootClientSpansDropped()))
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/static")))
            .WithLogging()
            .UseOtlpExporter();
    }

    /// <summary>The queue gauge needs the job storage, which exists once the host is built.</summary>
    public static void Start(IServiceProvider services) => services.GetService<QueueLengths>();
}
