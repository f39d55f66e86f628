using System.Text.Json;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Rendering;

/// <summary>The <c>pack</c> verb as cli.md defines it, run as a real process.</summary>
[Collection(CommandLineCollection.Name)]
public class CommandLineTests(PostgresFixture postgres)
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(args);

    [Fact]
    public void Pack_writes_the_pdf_and_metrics_json_and_prints_the_pdf_path()
    {
        using var output = new TempFolder();
        var (exit, stdout, stderr) = Run("pack", "--data", Repo.Sample, "--period", "2024-01", "--out", output.Path);
        Assert.True(exit == 0, stderr);
        var pdf = Path.Combine(output.Path, "NDC-2024-01-monthly.pdf");
        Assert.Equal(pdf + "\n", stdout);
        Assert.StartsWith("%PDF-", File.ReadAllText(pdf)[..8]);
        using var metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output.Path, "metrics.json")));
        Assert.Equal("NDC", metrics.RootElement.GetProperty("authority").GetString());
        Assert.Equal("2024-01-31", metrics.RootElement.GetProperty("period_end").GetString());
        Assert.Equal(118, metrics.RootElement.GetProperty("metrics").GetProperty("complaints.received_12m").GetProperty("value").GetInt32());
        Assert.Equal(["NDC-2024-01-monthly.pdf", "metrics.json"], Directory.GetFiles(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pack_with_format_writes_each_edition_beside_the_pdf_and_an_unknown_format_exits_2_with_nothing_written()
    {
        using var output = new TempFolder();
        var (exit, stdout, stderr) = Run("pack", "--data", Repo.Sample, "--period", "2024-01", "--out", output.Path, "--format", "html,docx,xlsx");
        Assert.True(exit == 0, stderr);
        Assert.Equal(Path.Combine(output.Path, "NDC-2024-01-monthly.pdf") + "\n", stdout);
        Assert.Equal(["NDC-2024-01-monthly.docx", "NDC-2024-01-monthly.html", "NDC-2024-01-monthly.pdf", "NDC-2024-01-monthly.xlsx", "metrics.json"],
            Directory.GetFiles(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(output.Path, "NDC-2024-01-monthly.html")));

        using var refused = new TempFolder();
        (exit, stdout, stderr) = Run("pack", "--data", Repo.Sample, "--period", "2024-01", "--out", refused.Path, "--format", "pdf,odt");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("--format: 'odt': not a format; the formats are pdf, html, xlsx, docx\n", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(refused.Path));
    }

    [Fact]
    public void A_dataset_with_errors_exits_2_lists_every_error_and_writes_nothing()
    {
        using var data = Repo.CopyOfSample();
        using var output = new TempFolder();
        var outDir = Path.Combine(output.Path, "out");
        File.AppendAllText(data.File("complaints.csv"), "BAD-1,2023-02-30,,2023-03-01,,,Carers,,false\n");
        File.AppendAllText(data.File("actions.csv"), "A999,NOT_A_QS,t,o,2023-01-01,2023-02-01,,RED\n");
        File.Delete(data.File("courses.csv"));

        var (exit, stdout, stderr) = Run("pack", "--data", data.Path, "--period", "2024-01", "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("complaints.csv:240: received_date: '2023-02-30' is not a valid date", stderr);
        Assert.Contains("actions.csv:26: qs_code: 'NOT_A_QS' is not one of", stderr);
        Assert.Contains("courses.csv: file is missing", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_period_the_data_does_not_reach_exits_2_naming_both_dates_and_nothing_is_written_or_archived()
    {
        using var output = new TempFolder();
        var outDir = Path.Combine(output.Path, "out");
        // The sample says what it covers; without coverage.csv or extracted_on, the records' own dates bound it.
        using var bare = Repo.CopyOfSample();
        File.Delete(bare.File("coverage.csv"));
        File.WriteAllText(bare.File("authority.csv"), "code,name,council_type,population\nNDC,Northdale County Council,COUNTY,612400\n");
        foreach (var period in new[] { "1999-01", "2025-01" })
        {
            var (exit, stdout, stderr) = Run("pack", "--data", bare.Path, "--period", period, "--out", outDir);
            Assert.Equal(2, exit);
            Assert.Empty(stdout);
            Assert.Contains("--period: the dataset's records run from 28 May 2014 to 31 March 2024; a report for", stderr);
            Assert.False(Directory.Exists(outDir));
        }
        var covered = Run("pack", "--data", Repo.Sample, "--period", "1999-01", "--out", outDir);
        Assert.Equal(2, covered.Exit);
        Assert.Contains("--period: no file of the dataset covers any day from 1 February 1998 to 31 January 1999 (coverage.csv)", covered.Err);

        // The same from the database, archiving: refused before a run is recorded or anything is archived.
        var db = await postgres.CreateDatabaseAsync();
        using var data = Repo.CopyOfSample();
        File.WriteAllText(data.File("authority.csv"), "code,name,council_type,population,extracted_on\nNDC,Northdale County Council,COUNTY,612400,2024-03-31\n");
        Assert.Equal(0, Run("import", "--data", data.Path, "--db", db).Exit);
        var environment = new Dictionary<string, string> { ["REPORTENGINE_DB"] = db, ["REPORTENGINE_ARCHIVE"] = Path.Combine(output.Path, "archive") };
        var refused = CliProcess.Run(environment, "pack", "--authority", "NDC", "--period", "2024-04", "--archive", "--out", outDir);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--period: the dataset was extracted on 31 March 2024; a report for April 2024 would count days not yet recorded", refused.Err);
        Assert.False(Directory.Exists(outDir));
        var (listed, list, _) = CliProcess.Run(environment, "archive", "list", "--db", db);
        Assert.Equal(0, listed);
        Assert.DoesNotContain("2024-04", list);
    }

    [Fact]
    public void A_period_that_has_not_ended_or_lies_outside_the_calendar_exits_2_and_nothing_is_rendered_even_when_the_data_says_nothing_of_its_dates()
    {
        using var output = new TempFolder();
        var outDir = Path.Combine(output.Path, "out");
        // Without coverage.csv, extracted_on or records to bound it, only the calendar stops a report of a month to come.
        using var bare = Repo.CopyOfSample();
        File.Delete(bare.File("coverage.csv"));
        File.WriteAllText(bare.File("authority.csv"), "code,name,council_type,population\nNDC,Northdale County Council,COUNTY,612400\n");
        var nextMonth = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (kind, period, problem) in new[]
                 {
                     ("monthly", nextMonth, "has not ended (today is "), ("monthly", "2030-06", "--period: June 2030 has not ended"),
                     ("complaints-annual", "2099-00", "--period: 2099-00 (April 2099 to March 2100) has not ended"),
                     ("monthly", "0001-01", "'0001-01' is outside the years 1971 to 9998 the engine's calendar computes"),
                     ("monthly", "9999-12", "'9999-12' is outside the years 1971 to 9998 the engine's calendar computes"),
                 })
        {
            var (exit, stdout, stderr) = Run("pack", "--data", bare.Path, "--kind", kind, "--period", period, "--out", outDir);
            Assert.Equal(2, exit);
            Assert.Empty(stdout);
            Assert.Contains(problem, stderr);
            Assert.DoesNotContain("   at ", stderr);
            Assert.False(Directory.Exists(outDir));
        }
    }

    [Theory]
    [InlineData("pack", "--period", "2024-13", "--out", "x")]
    [InlineData("pack", "--out", "x")]
    [InlineData("pack", "--period", "2024-01", "--out", "x", "--colour", "red")]
    [InlineData("no-such-verb")]
    public void Bad_arguments_exit_2(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.NotEmpty(stderr);
    }

    [Fact]
    public async Task Import_then_pack_from_the_database_gives_the_same_metrics_json_as_the_folder()
    {
        var db = await postgres.CreateDatabaseAsync();
        using var fromFolder = new TempFolder();
        using var fromDatabase = new TempFolder();
        var (exit, stdout, stderr) = Run("import", "--data", Repo.Sample, "--db", db);
        Assert.True(exit == 0, stderr);
        Assert.Empty(stdout);
        Assert.Contains("Imported NDC (Northdale County Council)", stderr);

        Assert.Equal(0, Run("pack", "--data", Repo.Sample, "--period", "2024-01", "--out", fromFolder.Path).Exit);
        (exit, stdout, stderr) = CliProcess.Run(new Dictionary<string, string> { ["REPORTENGINE_DB"] = db },
            "pack", "--authority", "NDC", "--period", "2024-01", "--out", fromDatabase.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Path.Combine(fromDatabase.Path, "NDC-2024-01-monthly.pdf") + "\n", stdout);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fromFolder.Path, "metrics.json")), File.ReadAllBytes(Path.Combine(fromDatabase.Path, "metrics.json")));
    }

    [Fact]
    public async Task An_invalid_import_exits_2_and_leaves_the_database_exactly_as_it_was()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, Run("import", "--data", Repo.Sample, "--db", db).Exit);
        var before = await SnapshotAsync(db);

        using var data = Repo.CopyOfSample();
        File.WriteAllLines(data.File("complaints.csv"), File.ReadAllLines(data.File("complaints.csv")).Take(10)); // would remove rows
        File.AppendAllText(data.File("staff.csv"), "NDC0001,Team,Area,Role,PERMANENT,1,2020-01-01,,true\n"); // duplicate key
        var (exit, _, stderr) = Run("import", "--data", data.Path, "--db", db);

        Assert.Equal(2, exit);
        Assert.Contains("staff.csv:142: staff_id: duplicate staff_id 'NDC0001' (first on line 2)", stderr);
        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Fact]
    public void Database_verbs_without_a_database_exit_2()
    {
        var (exit, _, stderr) = Run("import", "--data", Repo.Sample);
        Assert.Equal(2, exit);
        Assert.Contains("REPORTENGINE_DB", stderr);
        (exit, _, stderr) = Run("pack", "--authority", "NDC", "--data", Repo.Sample, "--period", "2024-01", "--out", "x");
        Assert.Equal(2, exit);
        Assert.Contains("--data and --authority", stderr);
    }

    /// <summary>Every evidence row of the database as text, to compare before and after.</summary>
    private static async Task<string> SnapshotAsync(string db)
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(db);
        var text = new System.Text.StringBuilder();
        foreach (var table in new[] { "authorities", "complaints", "staff", "training", "supervision", "findings", "actions", "qs_scores", "lgsco_cases",
                     "waits", "long_term_support", "reviews", "safeguarding_concerns", "safeguarding_enquiries", "dols_applications" })
        {
            await using var command = source.CreateCommand($"SELECT t::text FROM reportengine.{table} t ORDER BY 1");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }
        return text.ToString();
    }
}
