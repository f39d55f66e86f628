using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Gathering;
using ReportEngine.PostgreSql;

namespace ReportEngine.Hosting;

/// <summary>
/// The composition root that the command line and the service share: the report kinds, the warm browser and the
/// renderers, the evidence store, the run records and the archive, all from one configuration (appsettings.json and
/// the environment). The database parts are made only when something asks for them.
/// </summary>
public static class ReportEngineServices
{
    public static IServiceCollection AddReportEngine(this IServiceCollection services, string home)
    {
        services.TryAddSingleton(ReportKinds.Standard);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<ServiceOptions>().BindSettings(ServiceOptions.Section)
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((service, settings) =>
            {
                if (settings[SettingNames.ConnectionString] is { Length: > 0 } database) service.Database = database;
            });
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();
        services.AddOptions<ChromiumOptions>().BindSettings(SettingNames.Chromium);
        // The marking is ReportEngine:ProtectiveMarking; the templates are the project's own.
        services.AddOptions<ReportOptions>().BindSettings(ServiceOptions.Section)
            .Configure(pack => pack.TemplatesRoot = Path.Combine(home, "templates"));
        services.AddOptions<ArchiveOptions>().BindSettings(SettingNames.Archive);
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();

        services.AddSingleton(sp => new ChromiumBrowser(sp.GetRequiredService<IOptions<ChromiumOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton(sp => new ReportRenderers(sp.GetRequiredService<ChromiumPdfPrinter>(), sp.GetRequiredService<IOptions<ReportOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));

        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.Database));
        // One import's evidence is read once for all the reports made from it (EvidenceCache).
        services.AddSingleton(_ => new EvidenceCache());
        services.AddSingleton(sp => new PostgresEvidenceStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<EvidenceCache>()));
        services.AddSingleton<ReportRunStore>();
        services.AddSingleton<PostgresDrafts>();
        services.AddSingleton<IArchiveIndex, PostgresArchiveIndex>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var objects = options.Objects == ArchiveOptions.PostgresStore ? new PostgresObjectStore(sp.GetRequiredService<NpgsqlDataSource>()) : null;
            return new ReportArchive(new ContentStore(options.Folder, objects), sp.GetRequiredService<IArchiveIndex>(), options,
                sp.GetRequiredService<ReportKinds>(), sp.GetRequiredService<TimeProvider>());
        });

        // The issuing path. Its follow-ups (delivery adds its own) are done at once here; the service gives each a job (HangfireFollowUps).
        services.AddSingleton<IFollowUp>(sp => new PdfACopyFollowUp(sp.GetRequiredService<ReportArchive>().PdfACopy));
        services.AddSingleton(sp => sp.GetRequiredService<ReportArchive>().EditionsWith(sp.GetRequiredService<ReportRenderers>().With));
        services.AddSingleton<IFollowUp>(sp => new EditionsFollowUp(sp.GetRequiredService<ArchiveEditions>()));
        services.TryAddSingleton<IFollowUps>(sp => new ImmediateFollowUps(sp.GetServices<IFollowUp>()));
        services.AddSingleton(sp => new EndedPeriods(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ReportOptions>>().Value.FindZone()));
        services.AddSingleton(sp => new ReportIssuer(sp.GetRequiredService<ReportRenderers>(), sp.GetRequiredService<EndedPeriods>(), sp.GetRequiredService<ILogger<ReportIssuer>>(),
            new IssuingArchive(sp.GetRequiredService<ReportArchive>(), sp.GetRequiredService<ReportRunStore>(), sp.GetRequiredService<IFollowUps>(),
                sp.GetRequiredService<PostgresDrafts>())));
        // A report rendered and written without being issued into the archive (pack without --archive): no database.
        services.AddKeyedSingleton(ReportIssuer.Unarchived, (sp, _) =>
            new ReportIssuer(sp.GetRequiredService<ReportRenderers>(), sp.GetRequiredService<EndedPeriods>(), sp.GetRequiredService<ILogger<ReportIssuer>>()));
        return services;
    }
}
