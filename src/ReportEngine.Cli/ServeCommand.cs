using System.CommandLine;
using ReportEngine.Service;

namespace ReportEngine.Cli;

/// <summary><c>serve [--db CONN] [--urls URL]</c>: the worker service.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = DatabaseOption.Create();
        var urls = new Option<string>("--urls") { Description = "Where to listen (default http://127.0.0.1:5080)", HelpName = "URLS" };
        var command = new Command("serve", "Run the worker service: scheduled reports, /health and the job dashboard") { db, urls };
        command.SetAction(async (parse, ct) =>
        {
            var database = parse.GetValue(db) ?? Environment.GetEnvironmentVariable(DatabaseOption.EnvironmentVariable);
            return await ServiceHost.RunAsync(ProjectHome.Root, database, parse.GetValue(urls), ct);
        });
        return command;
    }
}
