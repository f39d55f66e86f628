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
            foreach (var line in CoverageLines(gathered.Evidence)) Console.Out.WriteLine(line);
            return FailurePolicy.Success;
        });
        return command;
    }

    /// <summary>coverage.md: what the dataset says it covers, one line a file (nothing for a dataset that says nothing).</summary>
    private static IEnumerable<string> CoverageLines(Evidence.EvidenceSet evidence)
    {
        var coverage = Metrics.DatasetCoverage.Of(evidence);
        if (coverage.ExtractedOn is { } extracted) yield return $"extracted on {Day(extracted)}";
        foreach (var (file, span) in coverage.Known)
            yield return span.From is { } from
                ? span.To is { } to ? $"{file} covers {Day(from)} to {Day(to)}" : $"{file} covers {Day(from)} onwards"
                : $"{file} covers every day up to {Day(span.To!.Value)}"; // Known holds only files with a known start or end
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
