using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using Npgsql;
using ReportEngine.Packs;
using ReportEngine.PostgreSql;
using ReportEngine.Templating;

namespace ReportEngine.Cli;

/// <summary><c>pack --data DIR --period YYYY-MM --out DIR</c>: one monthly pack from a dataset folder.</summary>
internal static class PackCommand
{
    public static Command Create(ILoggerFactory logging)
    {
        var data = new Option<string>("--data") { Description = "Dataset folder (default: the shipped sample)" };
        var authority = new Option<string>("--authority") { Description = "Render from the database: the authority's code" };
        var db = DatabaseOption.Create();
        var period = new Option<string>("--period") { Description = "The pack's month, YYYY-MM", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the PDF and metrics.json into", Required = true };
        var command = new Command("pack", "Render one monthly inspection-readiness pack") { data, authority, db, period, output };
        command.Validators.Add(r =>
        {
            if (r.GetValue(data) is not null && r.GetValue(authority) is not null) r.AddError("--data and --authority: give one or the other");
        });
        command.SetAction(async (parse, ct) =>
        {
            if (!ReportingPeriod.TryParse(parse.GetValue(period), out var month))
            {
                Console.Error.WriteLine($"--period: '{parse.GetValue(period)}' is not a month like 2024-01");
                return ExitCodes.Refused;
            }
            IEvidenceSource source;
            NpgsqlDataSource? database = null;
            if (parse.GetValue(authority) is { } code)
            {
                var (connectionString, problem) = DatabaseOption.Resolve(parse, db);
                if (problem is not null)
                {
                    Console.Error.WriteLine(problem);
                    return ExitCodes.Refused;
                }
                database = NpgsqlDataSource.Create(connectionString!);
                source = new PostgresEvidenceSource(new PostgresEvidenceStore(database), code);
            }
            else
            {
                source = new DatasetFolderSource(parse.GetValue(data) ?? ProjectHome.SampleDataset);
            }
            await using var _ = database;
            var options = new PackOptions { TemplatesRoot = ProjectHome.Templates };
            await using var browser = new ChromiumBrowser(new ChromiumOptions(), logging);
            var renderer = new PackRenderer(PackKind.Monthly,
                new HtmlTemplateRenderer(TemplateSet.Load(options.TemplatesRoot, PackKind.Monthly.Name)),
                new ChromiumPdfPrinter(browser), options, TimeProvider.System);

            var pack = await ConsoleProgress.RunAsync($"Pack {month}", progress => renderer.RenderAsync(source, month, progress: progress, cancellationToken: ct));
            var path = await PackOutput.WriteAsync(pack, parse.GetValue(output)!, ct);
            Console.Out.WriteLine(path);
            return ExitCodes.Success;
        });
        return command;
    }
}
