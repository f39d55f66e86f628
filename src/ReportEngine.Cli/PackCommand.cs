using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using Npgsql;
using ReportEngine.Packs;
using ReportEngine.PostgreSql;

namespace ReportEngine.Cli;

/// <summary><c>pack (--data DIR | --authority CODE) --period YYYY-MM --out DIR [--archive]</c>: one monthly pack.</summary>
internal static class PackCommand
{
    public static Command Create(ILoggerFactory logging)
    {
        var data = new Option<string>("--data") { Description = "Dataset folder (default: the shipped sample)" };
        var authority = new Option<string>("--authority") { Description = "Render from the database: the authority's code" };
        var db = DatabaseOption.Create();
        var period = new Option<string>("--period") { Description = "The pack's month, YYYY-MM", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the PDF and metrics.json into", Required = true };
        var archive = new Option<bool>("--archive") { Description = "Also store the pack in the archive and print its archive id" };
        var command = new Command("pack", "Render one monthly inspection-readiness pack") { data, authority, db, period, output, archive };
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
            var code = parse.GetValue(authority);
            string? connectionString = null;
            if (code is not null || parse.GetValue(archive))
            {
                string? problem;
                (connectionString, problem) = DatabaseOption.Resolve(parse, db);
                if (problem is not null)
                {
                    Console.Error.WriteLine(problem);
                    return ExitCodes.Refused;
                }
            }
            await using var database = connectionString is null ? null : NpgsqlDataSource.Create(connectionString);
            IEvidenceSource source = code is not null
                ? new PostgresEvidenceSource(new PostgresEvidenceStore(database!), code)
                : new DatasetFolderSource(parse.GetValue(data) ?? ProjectHome.SampleDataset);
            await using var browser = new ChromiumBrowser(new ChromiumOptions(), logging);
            var renderer = CliComposition.Renderer(browser);

            if (!parse.GetValue(archive))
            {
                var pack = await ConsoleProgress.RunAsync($"Pack {month}", progress => renderer.RenderAsync(source, month, progress: progress, cancellationToken: ct));
                Console.Out.WriteLine(await PackOutput.WriteAsync(pack, parse.GetValue(output)!, ct));
                return ExitCodes.Success;
            }

            var store = await CliComposition.OpenArchiveAsync(database!, connectionString!, logging, ct);
            var gathered = await source.GatherAsync(ct);
            var archived = await ConsoleProgress.RunAsync($"Pack {month}",
                progress => store.ArchiveAsync(gathered, month, renderer, CliComposition.RequestedBy, progress: progress, cancellationToken: ct));
            Console.Out.WriteLine(await PackOutput.WriteAsync(archived.Pack, parse.GetValue(output)!, ct));
            Console.Out.WriteLine(archived.Entry.Id);
            return ExitCodes.Success;
        });
        return command;
    }
}
