using ReportEngine.Foundation;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportEngine.Gathering;
using ReportEngine.PostgreSql;

namespace ReportEngine.Cli;

/// <summary><c>import --data DIR [--db CONN]</c>: validate exactly as <c>pack</c> does, then replace that authority's evidence.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Dataset folder", HelpName = "DIR", Required = true };
        var db = DatabaseOption.Create();
        var command = new Command("import", "Load a dataset into PostgreSQL, replacing that authority's evidence") { data, db };
        command.SetAction(async (parse, ct) =>
        {
            var (connectionString, problem) = DatabaseOption.Resolve(parse, db);
            if (problem is not null)
            {
                Console.Error.WriteLine(problem);
                return FailurePolicy.Refused;
            }
            // Validation first: a refused dataset never opens a transaction.
            var gathered = await new DatasetFolderSource(parse.GetValue(data)!).GatherAsync(ct);
            await using var services = CliComposition.Build(connectionString);
            await EvidenceDatabase.MigrateAsync(connectionString!, services.GetRequiredService<ILoggerFactory>().CreateLogger("ReportEngine.Migrations"), ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await services.GetRequiredService<PostgresEvidenceStore>().ImportAsync(gathered, TimeProvider.System, ct);
            var rows = gathered.Provenance.RowsPerFile.Sum(r => r.Value);
            Console.Error.WriteLine($"Imported {gathered.Evidence.Authority.Code} ({gathered.Evidence.Authority.Name}): {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s.");
            return FailurePolicy.Success;
        });
        return command;
    }
}
