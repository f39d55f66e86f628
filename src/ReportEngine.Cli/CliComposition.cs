using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Layout;
using ReportEngine.Packs;
using ReportEngine.PostgreSql;
using ReportEngine.Templating;

namespace ReportEngine.Cli;

/// <summary>How the command line puts the parts together: settings from appsettings.json and the environment.</summary>
internal static class CliComposition
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .SetBasePath(ProjectHome.Root)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static PackOptions PackOptions() =>
        new() { TemplatesRoot = ProjectHome.Templates, ProtectiveMarking = Configuration["ReportEngine:ProtectiveMarking"] ?? "OFFICIAL-SENSITIVE" };

    public static PackRenderer Renderer(ChromiumBrowser browser, TemplateSet? templates = null)
    {
        var options = PackOptions();
        return new PackRenderer(PackKind.Monthly,
            templates ?? TemplateSet.Load(options.TemplatesRoot, PackKind.Monthly.Name),
            new ChromiumPdfPrinter(browser), options, TimeProvider.System);
    }

    /// <summary>Opens the archive (file store and index), migrating the database and finishing any interrupted entry first.</summary>
    public static async Task<PackArchive> OpenArchiveAsync(NpgsqlDataSource database, string connectionString, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var options = new ArchiveOptions();
        Configuration.GetSection("Archive").Bind(options);
        await EvidenceDatabase.MigrateAsync(connectionString, logging.CreateLogger("ReportEngine.Migrations"), cancellationToken);
        var archive = new PackArchive(new ContentStore(options.Folder), new PostgresArchiveIndex(database), options, TimeProvider.System);
        await archive.RecoverAsync(cancellationToken);
        return archive;
    }

    /// <summary>Who asked, for the archive's record: the operating-system user.</summary>
    public static string RequestedBy => $"{Environment.UserName}@{Environment.MachineName} (command line)";
}
