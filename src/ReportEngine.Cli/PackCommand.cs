using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using ReportEngine.Packs;
using ReportEngine.Templating;

namespace ReportEngine.Cli;

/// <summary><c>pack --data DIR --period YYYY-MM --out DIR</c>: one monthly pack from a dataset folder.</summary>
internal static class PackCommand
{
    public static Command Create(ILoggerFactory logging)
    {
        var data = new Option<string>("--data") { Description = "Dataset folder (default: the shipped sample)" };
        var period = new Option<string>("--period") { Description = "The pack's month, YYYY-MM", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the PDF and metrics.json into", Required = true };
        var command = new Command("pack", "Render one monthly inspection-readiness pack") { data, period, output };
        command.SetAction(async (parse, ct) =>
        {
            if (!ReportingPeriod.TryParse(parse.GetValue(period), out var month))
            {
                Console.Error.WriteLine($"--period: '{parse.GetValue(period)}' is not a month like 2024-01");
                return ExitCodes.Refused;
            }
            var source = new DatasetFolderSource(parse.GetValue(data) ?? ProjectHome.SampleDataset);
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
