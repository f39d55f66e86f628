using ReportEngine.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.Rendering;
using ReportEngine.PostgreSql;
using ReportEngine.Service;
using ReportEngine.Service.Delivery;
using ReportEngine.Service.Web;
using System.CommandLine;
using ReportEngine.Hosting;

namespace ReportEngine.Cli;

/// <summary>
/// How the command line puts the parts together: the composition root it shares with the service
/// (<see cref="ReportEngineServices"/>), configured from appsettings.json and the environment, logging to standard error.
/// </summary>
internal static class CliComposition
{
    public static ServiceProvider Build(string? connectionString = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(ProjectHome.Root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        var unreadable = SecretFiles.Read(configuration);
        // Refused as any invalid setting is: one line each, exit 2.
        if (unreadable.Count > 0) throw new OptionsValidationException("secret files", typeof(SecretFiles), unreadable);
        var oldNames = SettingNames.ReadOldNames(configuration);
        if (connectionString is not null) configuration.AddInMemoryCollection([new(SettingNames.ConnectionString, connectionString)]);

        var services = new ServiceCollection();
        var settings = configuration.Build();
        services.AddSingleton<IConfiguration>(settings);
        // Standard output carries only what a verb promises to print: every log line goes to standard error.
        services.AddLogging(b => b
            .SetMinimumLevel(LogLevel.Warning)
            .AddConfiguration(settings.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            // PuppeteerSharp logs the browser's own teardown (a print cancelled by Ctrl+C, say) with a stack trace; what
            // matters reaches the person as the verb's one error line.
            .AddFilter("PuppeteerSharp", LogLevel.Critical));
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddReportEngine(ProjectHome.Root);
        services.AddDashboardStores();
        services.AddDelivery();
        var provider = services.BuildServiceProvider();
        var settingsLog = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ReportEngine.Settings");
        foreach (var warning in oldNames) settingsLog.LogWarning("{Warning}", warning);
        return provider;
    }

    /// <summary>Opens the archive, migrating the database and finishing any interrupted entry first.</summary>
    public static async Task<ReportArchive> OpenArchiveAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await MigrateAsync(services, cancellationToken);
        var archive = services.GetRequiredService<ReportArchive>();
        await archive.Recovery.RecoverAsync(cancellationToken);
        return archive;
    }

    /// <summary>Runs a verb that needs the database: <c>--db</c> checked (exit 2 with one line), the schema brought up to date.</summary>
    public static Task<int> WithDatabaseAsync(ParseResult parse, Option<string> db, CancellationToken ct, Func<IServiceProvider, Task> work) =>
        WithDatabaseAsync(parse, db, ct, async services =>
        {
            await work(services);
            return FailurePolicy.Success;
        });

    public static async Task<int> WithDatabaseAsync(ParseResult parse, Option<string> db, CancellationToken ct, Func<IServiceProvider, Task<int>> work)
    {
        var (connectionString, problem) = DatabaseOption.Resolve(parse, db);
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
            return FailurePolicy.Refused;
        }
        await using var services = Build(connectionString);
        await MigrateAsync(services, ct);
        return await work(services);
    }

    /// <summary>
    /// <see cref="WithDatabaseAsync(ParseResult, Option{string}, CancellationToken, Func{IServiceProvider, Task})"/> for a
    /// change that is audited (<see cref="AuditAsync"/>): the audit log's signing key is opened first, so that a missing key
    /// refuses the change instead of leaving it made without its row.
    /// </summary>
    public static Task<int> WithAuditedChangeAsync(ParseResult parse, Option<string> db, CancellationToken ct, Func<IServiceProvider, Task> work) =>
        WithDatabaseAsync(parse, db, ct, async services =>
        {
            await services.GetRequiredService<ReportEngine.Service.Web.Audit.AuditLog>().ReadyAsync(ct);
            await work(services);
        });

    /// <summary>An audit row for a change made on the command line (users, grants, tokens, recipients).</summary>
    public static Task AuditAsync(IServiceProvider services, string action, string? authority, string detail) =>
        services.GetRequiredService<ReportEngine.Service.Web.Audit.AuditLog>().WriteAsync(
            new ReportEngine.Service.Web.Audit.AuditEvent(RequestedBy.ToString(), action, "succeeded", authority, Detail: detail, Address: "command line"));

    /// <summary>Brings the database to the current schema (a no-op when it is).</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        EvidenceDatabase.MigrateAsync(services.GetRequiredService<IOptions<ServiceOptions>>().Value.Database,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("ReportEngine.Migrations"), cancellationToken);

    /// <summary>Who asked, for the archive's record: the operating-system user.</summary>
    public static Requester RequestedBy => Requester.Person($"{Environment.UserName}@{Environment.MachineName} (command line)");
}
