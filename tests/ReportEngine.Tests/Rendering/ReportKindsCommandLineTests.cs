using System.Text.Json;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Rendering;

/// <summary>cli.md version 2: every kind, every refusal with exit 2 and nothing written, help, validation and the archive's reuse.</summary>
[Collection(CommandLineCollection.Name)]
public class ReportKindsCommandLineTests(PostgresFixture postgres)
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(args);

    [Theory]
    [InlineData("cannot-exist", "--kind", "weekly", "--period", "2024-01")]
    [InlineData("business year like 2023-24", "--kind", "complaints-annual", "--period", "2023-25")]
    [InlineData("business year like 2023-24", "--kind", "complaints-annual", "--period", "2023-2024")]
    [InlineData("business year like 2023-24", "--kind", "complaints-annual", "--period", "23-24")]
    [InlineData("business year like 2023-24", "--kind", "complaints-annual", "--period", "2024-01")]
    [InlineData("month like 2024-01", "--kind", "monthly", "--period", "2023-24")]
    [InlineData("needs a quality statement", "--kind", "quality-statement", "--period", "2024-01")]
    [InlineData("'WELLBEING' is not a quality statement", "--kind", "quality-statement", "--period", "2024-01", "--statement", "WELLBEING")]
    [InlineData("takes no quality statement", "--period", "2024-01", "--statement", "LEARNING")]
    [InlineData("--data and --authority", "--period", "2024-01", "--authority", "NDC", "--data", "samples/northdale")]
    [InlineData("add --archive", "--period", "2024-01", "--regenerate", "--reason", "complaints corrected")]
    [InlineData("--regenerate needs a reason", "--period", "2024-01", "--archive", "--db", "Host=localhost", "--regenerate")]
    [InlineData("only with --regenerate", "--period", "2024-01", "--reason", "why not")]
    [InlineData("no database given", "--period", "2024-01", "--archive")]
    public void Every_refusal_exits_2_with_one_line_and_writes_nothing(string message, params string[] args)
    {
        using var output = new TempFolder();
        var outDir = Path.Combine(output.Path, "out");
        var (exit, stdout, stderr) = Run(["pack", .. args, "--out", outDir]);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains(message == "cannot-exist" ? "'weekly' is not a report kind" : message, stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void An_out_folder_that_cannot_be_written_is_refused_before_anything_is_rendered()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (exit, stdout, stderr) = Run("pack", "--period", "2024-01", "--out", "/proc/forbidden");
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("--out: '/proc/forbidden' is not a folder that can be written", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Printing", stderr); // refused before the pipeline started
    }

    [Fact]
    public void No_arguments_shows_the_help_with_the_program_name_and_placeholders()
    {
        var (exit, stdout, _) = Run();
        Assert.Equal(0, exit);
        Assert.Contains("reportengine [command] [options]", stdout);
        foreach (var verb in new[] { "pack", "validate", "import", "serve", "archive" }) Assert.Contains(verb, stdout);

        (exit, stdout, _) = Run("pack", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("reportengine pack [options]", stdout);
        Assert.Contains("--data <DIR>", stdout);
        Assert.Contains("--period <PERIOD>", stdout);
        Assert.Contains("a month YYYY-MM; a business year YYYY-YY", stdout);
        Assert.Contains("--statement <CODE>", stdout);
        Assert.Contains("--kind <KIND>", stdout);
        Assert.Contains("monthly, complaints-annual, quality-statement", stdout);
        Assert.DoesNotContain("ReportEngine.Cli", stdout);
    }

    [Fact]
    public void Validate_prints_what_the_dataset_says_it_covers_one_line_a_file()
    {
        using var data = Repo.CopyOfSample();
        File.WriteAllText(data.File("authority.csv"), "code,name,council_type,population,extracted_on\nNDC,Northdale County Council,COUNTY,612400,2024-05-31\n");
        File.WriteAllText(data.File("coverage.csv"), "file,covers_from,covers_to\nsupervision.csv,,2024-02-29\ncomplaints.csv,2022-02-01,\n");
        var (exit, stdout, stderr) = Run("validate", "--data", data.Path);
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("valid: ", lines[0]);
        Assert.Equal(["extracted on 2024-05-31", "complaints.csv covers 2022-02-01 to 2024-05-31", "lgsco_cases.csv covers every day up to 2024-05-31"], lines[1..4]);
        Assert.Contains("supervision.csv covers every day up to 2024-02-29", lines);
        Assert.Contains("dols_applications.csv covers every day up to 2024-05-31", lines);
    }

    [Fact]
    public void Validate_prints_the_rows_and_files_of_a_valid_dataset_and_every_problem_of_a_broken_one()
    {
        var (exit, stdout, stderr) = Run("validate", "--data", Repo.Sample);
        Assert.True(exit == 0, stderr);
        var files = Directory.GetFiles(Repo.Sample, "*.csv");
        var rows = files.Sum(f => new CsvHelper.CsvReader(new StreamReader(f), System.Globalization.CultureInfo.InvariantCulture).GetRecords<dynamic>().Count());
        Assert.StartsWith($"valid: {rows} rows in {files.Length} files\nextracted on 2024-03-31\n", stdout); // then what each file covers

        using var data = Repo.CopyOfSample();
        File.AppendAllText(data.File("complaint_learning.csv"), "NDC-C-9999,2024-01-02,A lesson,\n");
        File.AppendAllText(data.File("complaint_learning.csv"), "NDC-C-0001,2024-01-02,,\n");
        (exit, stdout, stderr) = Run("validate", "--data", data.Path);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        var lines = File.ReadAllLines(data.File("complaint_learning.csv")).Length;
        Assert.Contains($"complaint_learning.csv:{lines}: learning: is empty but required", stderr);
        Assert.Contains($"complaint_learning.csv:{lines - 1}: complaint_ref: 'NDC-C-9999' is not in complaints.csv", stderr);
    }

    [Fact]
    public void A_dataset_without_complaint_learning_is_valid_and_the_annual_report_says_none_was_recorded()
    {
        using var data = Repo.CopyOfSample();
        data.RemoveDatasetFile("complaint_learning.csv");
        using var output = new TempFolder();
        var (exit, stdout, stderr) = Run("pack", "--kind", "complaints-annual", "--period", "2023-24", "--data", data.Path, "--out", output.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Path.Combine(output.Path, "NDC-2023-24-complaints-annual.pdf") + "\n", stdout);
        var text = string.Join("\n", ReportEngine.Printing.PdfText.PerPage(File.ReadAllBytes(stdout.Trim())));
        Assert.Contains("No learning from complaints was recorded for 2023-24", text);
        using var metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output.Path, "metrics.json")));
        Assert.False(metrics.RootElement.GetProperty("metrics").TryGetProperty("complaints.learning_recorded_12m", out _));
    }

    [Fact]
    public void Log_lines_go_to_standard_error_and_standard_output_carries_only_the_path()
    {
        using var output = new TempFolder();
        var (exit, stdout, stderr) = CliProcess.Run(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" },
            "pack", "--kind", "quality-statement", "--statement", "SAFEGUARDING", "--period", "2024-01", "--out", output.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Path.Combine(output.Path, "NDC-2024-01-qs-SAFEGUARDING.pdf") + "\n", stdout);
        Assert.Contains("Rendered report NDC/quality-statement/2024-01/SAFEGUARDING", stderr);
    }

    [Fact]
    public async Task Every_kind_gives_the_same_metrics_json_from_the_database_as_from_the_folder_and_archives_once()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, Run("import", "--data", Repo.Sample, "--db", db).Exit);
        using var archive = new TempFolder();
        var environment = new Dictionary<string, string> { ["REPORTENGINE_DB"] = db, ["REPORTENGINE_ARCHIVE"] = archive.Path };
        foreach (var args in new[]
                 {
                     new[] { "--kind", "monthly", "--period", "2024-01" },
                     ["--kind", "complaints-annual", "--period", "2023-24"],
                     ["--kind", "quality-statement", "--period", "2024-01", "--statement", "LEARNING"],
                 })
        {
            using var fromFolder = new TempFolder();
            using var fromDatabase = new TempFolder();
            var (exit, _, stderr) = Run(["pack", .. args, "--out", fromFolder.Path]);
            Assert.True(exit == 0, stderr);
            (exit, var stdout, stderr) = CliProcess.Run(environment, ["pack", .. args, "--authority", "NDC", "--archive", "--out", fromDatabase.Path]);
            Assert.True(exit == 0, stderr);
            Assert.Equal(File.ReadAllBytes(Path.Combine(fromFolder.Path, "metrics.json")), File.ReadAllBytes(Path.Combine(fromDatabase.Path, "metrics.json")));
            var (pdf, id) = (stdout.Split('\n')[0], stdout.Split('\n')[1]);

            // Asked again: the archived report is given back, nothing rendered.
            using var again = new TempFolder();
            (exit, stdout, stderr) = CliProcess.Run(environment, ["pack", .. args, "--authority", "NDC", "--archive", "--out", again.Path]);
            Assert.True(exit == 0, stderr);
            Assert.Equal($"{Path.Combine(again.Path, Path.GetFileName(pdf))}\n{id}\n", stdout);
            Assert.Contains("nothing was rendered", stderr);
            Assert.DoesNotContain("Printing", stderr);
            Assert.Equal(File.ReadAllBytes(pdf), File.ReadAllBytes(stdout.Split('\n')[0]));
        }

        var (code, list, err) = CliProcess.Run(environment, "archive", "list", "--kind", "complaints-annual");
        Assert.True(code == 0, err);
        var row = Assert.Single(list.Trim().Split('\n').Skip(1)).Split('\t');
        Assert.Equal(("complaints-annual", "2023-24", "yes"), (row[2], row[3], row[7])); // its PDF/A copy made straight after
        (code, list, _) = CliProcess.Run(environment, "archive", "list", "--from", "2024-03", "--to", "2024-03");
        Assert.Equal("complaints-annual", Assert.Single(list.Trim().Split('\n').Skip(1)).Split('\t')[2]); // a business year counts by its March
        var (verified, verifyOut, _) = CliProcess.Run(environment, "archive", "verify");
        Assert.True(verified == 0, verifyOut);
        Assert.Contains("intact: 3 entries and 0 pruned", verifyOut);
    }
}
