using System.CommandLine;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReportEngine.Gathering;
using ReportEngine.PostgreSql;

namespace ReportEngine.Cli;

/// <summary><c>import --data DIR [--db CONN]</c>: validate exactly as <c>pack</c> does, then replace that authority's evidence.</summary>
internal static class ImportCommand
{
    public static Command Create(ILoggerFactory logging)
    {
        var data = new Option<string>("--data") { Description = "Dataset folder", Required = true };
        var db = DatabaseOption.Create();
        var command = new Command("import", "Load a dataset into PostgreSQL, replacing that authority's evidence") { data, db };
        command.SetAction(async (parse, ct) =>
        {
            var (connectionString, problem) = DatabaseOption.Resolve(parse, db);
            if (problem is not null)
            {
                Console.Error.WriteLine(problem);
                return ExitCodes.Refused;
            }
            // Validation first: a refused dataset never opens a transaction.
            var gathered = await new DatasetFolderSource(parse.GetValue(data)!).GatherAsync(ct);
            await EvidenceDatabase.MigrateAsync(connectionString!, logging.CreateLogger("ReportEngine.Migrations"), ct);
            await using var dataSource = NpgsqlDataSource.Create(connectionString!);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await new PostgresEvidenceStore(dataSource).ImportAsync(gathered, TimeProvider.System, ct);
            var rows = gathered.Provenance.RowsPerFile.Sum(r => r.Value);
            Console.Error.WriteLine($"Imported {gathered.Evidence.Authority.Code} ({gathered.Evidence.Authority.Name}): {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s.");
            return ExitCodes.Success;
        });
        return command;
    }
}
