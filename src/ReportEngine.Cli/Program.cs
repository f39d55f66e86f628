using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReportEngine.Cli;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Templating;
using ReportEngine.PostgreSql;
using ReportEngine.Archive;
using Npgsql;

using var logging = LoggerFactory.Create(b => b
    .SetMinimumLevel(LogLevel.Warning)
    .AddSimpleConsole(o => o.SingleLine = true)
    .AddFilter("PuppeteerSharp", LogLevel.Error));

var root = new RootCommand("ReportEngine: adult social care inspection-readiness packs") { PackCommand.Create(logging), ImportCommand.Create(logging), ServeCommand.Create(), ArchiveCommand.Create(logging) };
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
    return ExitCodes.Refused;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (DatasetRejectedException ex)
{
    foreach (var error in ex.Errors) Console.Error.WriteLine(error);
    Console.Error.WriteLine($"The dataset was refused ({ex.Errors.Count} {(ex.Errors.Count == 1 ? "error" : "errors")}); nothing was written.");
    return ExitCodes.Refused;
}
catch (AuthorityNotFoundException ex)
{
    Console.Error.WriteLine($"--authority: {ex.Message}");
    return ExitCodes.Refused;
}
catch (ArchiveEntryNotFoundException ex)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.Refused;
}
catch (Exception ex) when (ex is TemplateException or BrowserUnavailableException or NpgsqlException or ArchiveToolException or ArchiveIntegrityException)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.Failure;
}
