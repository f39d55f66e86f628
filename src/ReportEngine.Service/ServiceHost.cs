using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Delivery;
using ReportEngine.Service.Health;
using ReportEngine.Service.Notices;
using ReportEngine.Service.Web;
using ReportEngine.Service.Web.Security;
using ReportEngine.Hosting;

namespace ReportEngine.Service;

/// <summary>
/// <c>serve</c>: an ASP.NET Core host running the Hangfire server (PostgreSQL storage shared by every worker process),
/// the recurring report schedules, the dashboard and API (<see cref="Dashboard"/>), <c>/health/live</c> and
/// <c>/health/ready</c>, and Hangfire's dashboard at <c>/hangfire</c> for Admin.
/// </summary>
public static class ServiceHost
{
    public const string HangfireSchema = "hangfire";

    /// <returns>The process exit code: 0 after a clean shutdown, 2 for invalid configuration.</returns>
    public static async Task<int> RunAsync(string home, string? database, string? urls, CancellationToken cancellationToken = default)
    {
        var (app, failures) = Build(home, database, urls, builder => builder.Logging.ClearProviders().AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        }));
        if (app is null)
        {
            foreach (var failure in failures) Console.Error.WriteLine(failure);
            return 2;
        }
        await app.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// The service, built and its settings checked but not started: <paramref name="adjust"/> sets the logging (and, for
    /// the tests that host it in their own process, settings of their own). Each invalid setting is one line of
    /// <c>Failures</c>, and then there is no application.
    /// </summary>
    public static (WebApplication? App, IReadOnlyList<string> Failures) Build(string home, string? database, string? urls, Action<WebApplicationBuilder> adjust)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = home, Args = [] });
        // ASP.NET Core's own request lines carry the query string (a token pasted into a link would be logged whole);
        // the dashboard's request log (UseHttpLogging) writes the path alone.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        adjust(builder);
        var unreadable = SecretFiles.Read(builder.Configuration);
        var oldNames = SettingNames.ReadOldNames(builder.Configuration);
        if (database is not null) builder.Configuration[SettingNames.ConnectionString] = database;
        // --urls first, then ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS (which the builder reads itself), then this machine alone.
        if (urls is not null) builder.WebHost.UseUrls(urls);
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
                 && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
            builder.WebHost.UseUrls(DefaultUrls);
        Configure(builder.Services, builder.Configuration, home);

        var app = builder.Build();
        var settingsLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ReportEngine.Settings");
        foreach (var warning in oldNames) settingsLog.LogWarning("{Warning}", warning);
        // Every setting is checked before anything starts.
        var failures = new List<string>(unreadable);
        void Check<T>() where T : class
        {
            try
            {
                _ = app.Services.GetRequiredService<IOptions<T>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                failures.AddRange(ex.Failures);
            }
        }
        Check<ServiceOptions>();
        Check<ChromiumOptions>();
        Check<ReportOptions>();
        Check<ArchiveOptions>();
        Check<OidcOptions>();
        Check<SmtpOptions>();
        Check<Web.Datasets.UploadOptions>();
        Check<Notices.ReviewOptions>();
        if (failures.Count > 0)
        {
            // Disposed, so that its log (the old names' warnings) is written out before the process ends.
            ((IDisposable)app).Dispose();
            return (null, failures);
        }

        // The dashboard's statistics are fetched with POST; Hangfire answers a GET with an error page (500) instead of saying so.
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals("/hangfire/stats", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "POST";
                return;
            }
            await next();
        });
        Telemetry.TelemetryExport.Start(app.Services);
        app.UseDashboard();
        // Anonymous, so they say the status and nothing more (readiness tells an Admin its details and the version).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = Health.HealthAnswer.WriteAsync }).AllowAnonymous();
        return (app, failures);
    }

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>This process's Hangfire server, by which readiness finds it among the others sharing the database.</summary>
    internal static string ServerName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    private static void Configure(IServiceCollection services, IConfiguration configuration, string home)
    {
        // Hosted services start in the order they are registered: the start-up work (the schema, the keys' checks) before
        // all others: Data Protection's, which loads the sign-in keys, the job server and the schedules.
        services.AddHostedService<StartUpWork>();
        services.AddReportEngine(home);
        services.AddDashboard(configuration);
        services.AddDelivery();
        services.AddReview();
        Telemetry.TelemetryExport.Add(services, configuration);
        services.AddTransient<DeliveryJobs>();
        // The host waits for the job server's own shutdown timeout and half a minute more to close the browser and the
        // database; the Dockerfile's and compose.yaml's stop grace period (90 s) is this at its default.
        // Read while the host is built, before the settings are checked: an invalid setting is reported with all the others
        // by the check, not alone by this.
        services.AddOptions<HostOptions>().Configure<IOptions<ServiceOptions>>((host, service) =>
        {
            try
            {
                host.ShutdownTimeout = service.Value.ShutdownTimeout + TimeSpan.FromSeconds(30);
            }
            catch (OptionsValidationException)
            {
                host.ShutdownTimeout = new ServiceOptions().ShutdownTimeout + TimeSpan.FromSeconds(30);
            }
        });
        services.Replace(ServiceDescriptor.Singleton<IFollowUps, HangfireFollowUps>());
        services.AddTransient<ReportJob>();
        services.AddTransient<FollowUpJobs>();
        services.AddSingleton<RetryPolicy>();

        services.AddHangfire((sp, config) =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceOptions>>().Value;
            UseSerialization(config)
                .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(options.Database), StorageOptions(options.InvisibilityTimeout))
                .UseJobDetailsRenderer(10, ShowProgress)
                .UseFilter(new JobEventLog(sp.GetRequiredService<ILogger<JobEventLog>>()))
                .UseFilter(new Telemetry.JobTracing());
            sp.GetRequiredService<RetryPolicy>().Install();
        });
        services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.ShutdownTimeout = options.ShutdownTimeout;
            server.ServerName = ServerName;
            server.Queues = JobQueues.InOrder;
        });
        services.AddSingleton<Schedules.ScheduleStore>();
        // One instance: the hosted service that syncs, which the Schedules page also asks to sync at once after a change.
        services.AddSingleton<RecurringReportSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<RecurringReportSchedule>());

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<BrowserHealthCheck>("browser")
            .AddCheck<OutputFolderHealthCheck>("output")
            .AddCheck<HangfireServerHealthCheck>("job server");
    }

    /// <summary>How jobs are written to storage; every client that enqueues packs must use the same.</summary>
    public static IGlobalConfiguration UseSerialization(IGlobalConfiguration config) =>
        config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();

    /// <summary>How old a Hangfire lock must be before it is taken as abandoned by a connection that died.</summary>
    public static readonly TimeSpan AbandonedLockAfter = TimeSpan.FromMinutes(1);

    public static PostgreSqlStorageOptions StorageOptions(TimeSpan invisibilityTimeout) => new()
    {
        SchemaName = HangfireSchema,
        PrepareSchemaIfNecessary = false, // installed under the migration lock at start-up
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = invisibilityTimeout,
        // A lock whose release was lost (PostgreSQL restarted while a job changed state) is a row nobody deletes: the
        // job waits behind it for this long. Hangfire's own locks are held for milliseconds, so a minute is plenty,
        // where the default ten minutes left a finished delivery job 'Processing' for ten.
        DistributedLockTimeout = AbandonedLockAfter,
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(15),
    };

    private static NonEscapedString ShowProgress(JobDetailsRendererDto dto)
    {
        if (!dto.JobDetails.Properties.TryGetValue(JobProgress.Parameter, out var json)) return new NonEscapedString("");
        var text = JsonSerializer.Deserialize<string>(json) ?? "";
        return new NonEscapedString($"<div class=\"alert alert-info\"><strong>Progress:</strong> {WebUtility.HtmlEncode(text)}</div>");
    }
}
