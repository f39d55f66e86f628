using ReportEngine.Foundation;
using System.CommandLine;
using ReportEngine.Gathering;

namespace ReportEngine.Cli;

/// <summary><c>validate --data DIR</c>: checks a dataset exactly as <c>pack</c> and <c>import</c> do, and renders nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Dataset folder", HelpName = "DIR", Required = true };
        var command = new Command("validate", "Check a dataset folder against the data contract; print every problem") { data };
        command.SetAction(async (parse, ct) =>
        {
            var gathered = await new DatasetFolderSource(parse.GetValue(data)!).GatherAsync(ct);
            var rows = gathered.Provenance.RowsPerFile.Sum(r => r.Value);
            var files = gathered.Provenance.RowsPerFile.Count;
            Console.Out.WriteLine($"valid: {rows} rows in {files} files");
            return FailurePolicy.Success;
        });
        return command;
    }
}
