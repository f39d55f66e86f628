using ReportEngine.Gathering;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Gathering;

public class DatasetValidationTests
{
    /// <summary>The errors a dataset folder is refused with, as <c>file:line: column: message</c>; fails when it is not refused.</summary>
    internal static async Task<IReadOnlyList<string>> ErrorsOf(TempFolder folder)
    {
        var ex = await Assert.ThrowsAsync<DatasetRejectedException>(() => new DatasetFolderSource(folder.Path).GatherAsync());
        return ex.Errors.Select(e => e.ToString()).ToList();
    }

    private static void Append(TempFolder folder, string file, string lines) => File.AppendAllText(folder.File(file), lines);

    [Fact]
    public async Task The_sample_dataset_is_valid_and_hashed()
    {
        var gathered = await new DatasetFolderSource(Repo.Sample).GatherAsync();
        Assert.Equal("NDC", gathered.Evidence.Authority.Code);
        Assert.Equal(64, gathered.Provenance.Sha256.Length);
        Assert.Equal(238, gathered.Provenance.RowsPerFile.Single(r => r.Key == "complaints.csv").Value);
    }

    [Fact]
    public async Task Every_error_is_reported_in_one_pass_with_file_line_and_column()
    {
        using var folder = Repo.CopyOfSample();
        var lines = File.ReadAllLines(folder.File("complaints.csv")).ToList();
        var header = lines[0].Split(',');
        string Row(string reference, string received, string due, string responded, string outcome) =>
            string.Join(',', header.Select(h => h switch
            {
                "ref" => reference, "received_date" => received, "acknowledged_date" => "", "due_date" => due,
                "responded_date" => responded, "outcome" => outcome, "service_area" => "Carers", "themes" => "", "qa_reviewed" => "false",
                _ => "",
            }));
        var first = lines.Count + 1;
        lines.Add(Row("X-1", "2023-02-30", "2023-03-30", "", ""));
        lines.Add(Row("X-2", "2023-02-01", "2023-03-01", "2023-02-20", "UPHELD"));
        lines.Add(Row("X-5", "2023-02-01", "2023-03-01", "2023-01-01", "UPHELD"));
        lines.Add(Row("X-3", "2023-02-01", "2023-03-01", "2023-02-10", ""));
        lines.Add(Row("X-4", "2023-02-01", "2023-03-01", "", "Upheld"));
        lines.Add(Row("X-2", "2023-02-01", "2023-03-01", "", ""));
        File.WriteAllLines(folder.File("complaints.csv"), lines);
        File.Delete(folder.File("actions.csv"));
        Append(folder, "training.csv", "NOBODY,CA01,2023-01-01,,3\n");

        var errors = await ErrorsOf(folder);

        Assert.Contains($"complaints.csv:{first}: received_date: '2023-02-30' is not a valid date", errors);
        Assert.Contains($"complaints.csv:{first + 2}: responded_date: is before received_date", errors);
        Assert.Contains($"complaints.csv:{first + 3}: outcome: is empty but responded_date is set", errors);
        Assert.Contains(errors, e => e == $"complaints.csv:{first + 4}: outcome: 'Upheld' is not one of UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN");
        Assert.Contains($"complaints.csv:{first + 5}: ref: duplicate ref 'X-2' (first on line {first + 1})", errors);
        Assert.Contains("actions.csv: file is missing", errors);
        Assert.Contains(errors, e => e.StartsWith("training.csv:", StringComparison.Ordinal) && e.EndsWith(": staff_id: 'NOBODY' is not in staff.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Line_numbers_are_the_physical_line_where_a_record_starts()
    {
        using var folder = Repo.CopyOfSample();
        var count = File.ReadAllLines(folder.File("findings.csv")).Length;
        Append(folder, "findings.csv",
            "F900,LEARNING,PARTNERS,STRENGTH,\"A title\",\"A summary\nover three\nlines, with \"\"quotes\"\"\",Survey,2023-05-01\n" +
            "F901,LEARNING,PARTNERS,STRENGTH,Another,,Survey,2023-13-01\n");
        var errors = await ErrorsOf(folder);
        Assert.Equal([$"findings.csv:{count + 4}: evidence_date: '2023-13-01' is not a valid date"], errors);
    }

    [Fact]
    public async Task Bad_codes_empty_required_cells_and_ranges_are_errors()
    {
        using var folder = Repo.CopyOfSample();
        Append(folder, "staff.csv", "Z1,Team,Area,Role,CONTRACTOR,1,2020-01-01,,yes\nZ2,,Area,Role,AGENCY,1,2020-01-01,,true\nZ3,Team,Area,Role,AGENCY,0,2020-01-01,,true\n");
        var staffLines = File.ReadAllLines(folder.File("staff.csv")).Length;
        var errors = await ErrorsOf(folder);
        Assert.Contains(errors, e => e.StartsWith($"staff.csv:{staffLines - 2}: employment_type: 'CONTRACTOR' is not one of", StringComparison.Ordinal));
        Assert.Contains($"staff.csv:{staffLines - 2}: registered_social_worker: 'yes' is not true or false", errors);
        Assert.Contains($"staff.csv:{staffLines - 1}: team: is empty but required", errors);
        Assert.Contains($"staff.csv:{staffLines}: fte: 0 is not above 0 and at most 1", errors);
    }

    /// <summary>A list of codes that repeats (a complaint's themes) is read once and kept for the rows after: one that is wrong is still said on each row.</summary>
    [Fact]
    public async Task A_wrong_list_of_codes_is_said_on_every_row_that_holds_it()
    {
        using var folder = Repo.CopyOfSample();
        var lines = File.ReadAllLines(folder.File("complaints.csv")).ToList();
        var header = lines[0].Split(',');
        string Row(string reference, string themes) => string.Join(',', header.Select(h => h switch
        {
            "ref" => reference, "received_date" => "2023-02-01", "due_date" => "2023-03-01", "service_area" => "Carers", "themes" => themes,
            "qa_reviewed" => "false", _ => "",
        }));
        var first = lines.Count + 1;
        lines.AddRange([Row("Y-1", "COMMUNICATION;delay"), Row("Y-2", "COMMUNICATION;delay"), Row("Y-3", "COMMUNICATION"), Row("Y-4", "COMMUNICATION;delay")]);
        File.WriteAllLines(folder.File("complaints.csv"), lines);
        var errors = await ErrorsOf(folder);
        Assert.Equal(new[] { first, first + 1, first + 3 }.Select(line => $"complaints.csv:{line}: themes: 'delay' is not an upper-case code"), errors);
    }

    [Fact]
    public async Task A_missing_column_is_named_against_the_header()
    {
        using var folder = Repo.CopyOfSample();
        File.WriteAllText(folder.File("courses.csv"), "code,title,category\nC1,Course,OTHER\n");
        var errors = await ErrorsOf(folder);
        Assert.Contains("courses.csv:1: renewal_months: column is missing from the header", errors);
    }

    [Fact]
    public async Task Errors_stop_at_one_hundred()
    {
        using var folder = Repo.CopyOfSample();
        Append(folder, "supervision.csv", string.Concat(Enumerable.Range(0, 150).Select(i => $"NDC0001,2023-01-0x,60,CASE,false\n")));
        Assert.Equal(100, (await ErrorsOf(folder)).Count);
    }

    /// <summary>
    /// The files are parsed side by side, largest first; what they are refused with is still one pass in the contract's
    /// order (a missing file where it comes), and the hundred are the first hundred of that pass, not of whichever file ended first.
    /// </summary>
    [Fact]
    public async Task Errors_of_several_files_come_in_the_contracts_order_and_the_hundred_are_the_first_of_it()
    {
        using var folder = Repo.CopyOfSample();
        Append(folder, "complaints.csv", "X-1,2023-02-30,,2023-03-30,,,Carers,,false\n");
        File.Delete(folder.File("courses.csv"));
        Append(folder, "supervision.csv", string.Concat(Enumerable.Range(0, 60).Select(_ => "NDC0001,2023-01-0x,60,CASE,false\n")));
        // waits.csv, the largest file, is parsed first and its errors would come first if they were taken as they ended.
        Append(folder, "waits.csv", string.Concat(Enumerable.Range(0, 60).Select(i => $"W-X{i},P-X{i},CARE_ACT_ASSESSMENT,2023-13-01,,,\n")));

        var errors = await ErrorsOf(folder);

        Assert.Equal(100, errors.Count);
        var files = errors.Select(e => e.Split(':')[0]).Distinct().ToList();
        Assert.Equal(["complaints.csv", "courses.csv", "supervision.csv", "waits.csv"], files);
        Assert.Equal("courses.csv: file is missing", errors[1]);
        Assert.Equal(60, errors.Count(e => e.StartsWith("supervision.csv:", StringComparison.Ordinal)));
        Assert.Equal(38, errors.Count(e => e.StartsWith("waits.csv:", StringComparison.Ordinal)));
        var waitLines = errors.Where(e => e.StartsWith("waits.csv:", StringComparison.Ordinal)).Select(e => int.Parse(e.Split(':')[1])).ToList();
        Assert.Equal(waitLines.Order(), waitLines);
    }

    [Fact]
    public async Task A_bom_crlf_and_extra_columns_are_accepted_and_optional_files_may_be_absent()
    {
        using var folder = Repo.CopyOfSample();
        const string text = "code,name,council_type,population,notes\r\nNDC,Northdale County Council,COUNTY,612400,\"extra, ignored\"\r\n";
        File.WriteAllText(folder.File("authority.csv"), text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.Delete(folder.File("lgsco_benchmarks.csv"));
        var gathered = await new DatasetFolderSource(folder.Path).GatherAsync();
        Assert.Equal(612400, gathered.Evidence.Authority.Population);
        Assert.Empty(gathered.Evidence.OmbudsmanBenchmarks);
    }

    [Fact]
    public async Task Targets_name_numeric_figures_once_each_and_are_refused_with_file_and_line()
    {
        using var folder = Repo.CopyOfSample();
        File.WriteAllLines(folder.File("targets.csv"),
        [
            "metric,target,better,amber_within",
            "training.compliance_pct,90,HIGHER,5",
            "readiness.self_band,3,HIGHER,",
            "training.compliance_pct,95,HIGHER,0",
            "complaints.overdue_open,2,SIDEWAYS,1",
            "actions.overdue,0,LOWER,-1",
            "trend.actions.overdue.2024-01,1,LOWER,",
        ]);
        var errors = await ErrorsOf(folder);
        Assert.Contains("targets.csv:3: metric: 'readiness.self_band' is a band, not a number", errors);
        Assert.Contains("targets.csv:4: metric: 'training.compliance_pct' has a target already", errors);
        Assert.Contains(errors, e => e.StartsWith("targets.csv:5: better:", StringComparison.Ordinal));
        Assert.Contains("targets.csv:6: amber_within: -1 is negative", errors);
        Assert.Contains("targets.csv:7: metric: 'trend.actions.overdue.2024-01' is derived from other figures and cannot have a target", errors);
    }

    [Fact]
    public async Task Benchmarks_are_checked_row_by_row_and_refused_with_file_and_line()
    {
        using var folder = Repo.CopyOfSample();
        const string Header = "metric,area,area_name,period,value,lower_quartile,median,upper_quartile,source,published_on";
        File.WriteAllLines(folder.File("benchmarks.csv"),
        [
            Header,
            "reviews.reviewed_12m_pct,ENGLAND,England,2022-23,78.2,70,78,85,ASCOF 2022-23 (illustrative),2023-10-26",
            "reviews.reviewed_12m_pct,REGION,North East,2022-23,80.1,,,,ASCOF 2022-23 (illustrative),2023-10-26",
            "reviews.reviewed_12m_pct,ENGLAND,England,2022-23,79,,,,again,2023-10-26",
            "readiness.self_band,ENGLAND,England,2022-23,3,,,,x,2023-10-26",
            "dols.within_21d_pct_12m,WALES,Wales,2022-23,20,,,,x,2023-10-26",
            "dols.within_21d_pct_12m,ENGLAND,England,2022,20,,,,x,2023-10-26",
            "dols.within_21d_pct_12m,ENGLAND,England,2021-22,20,10,,30,x,2022-10-26",
            "dols.within_21d_pct_12m,COMPARATORS,CIPFA nearest neighbours (16),2021-22,20,10,20,30,x,2022-10-26",
            "dols.within_21d_pct_12m,ENGLAND,England,2020-21,20,30,20,40,x,2021-10-26",
        ]);
        var errors = await ErrorsOf(folder);
        Assert.Contains("benchmarks.csv:4: period: duplicate ENGLAND figure of 'reviews.reviewed_12m_pct' for 2022-23 (first on line 2)", errors);
        Assert.Contains("benchmarks.csv:5: metric: 'readiness.self_band' is a band, not a number", errors);
        Assert.Contains(errors, e => e.StartsWith("benchmarks.csv:6: area:", StringComparison.Ordinal));
        Assert.Contains("benchmarks.csv:7: period: '2022' is neither a month (YYYY-MM) nor a business year (YYYY-YY)", errors);
        Assert.Contains("benchmarks.csv:8: median: lower_quartile, median and upper_quartile are given together or not at all", errors);
        Assert.Contains("benchmarks.csv:9: lower_quartile: quartiles are given only for ENGLAND", errors);
        Assert.Contains("benchmarks.csv:10: median: 20 is below lower_quartile 30", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("benchmarks.csv:2:", StringComparison.Ordinal) || e.StartsWith("benchmarks.csv:3:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sample_has_targets_and_a_dataset_without_the_file_has_none()
    {
        Assert.Equal(14, (await new DatasetFolderSource(Repo.Sample).GatherAsync()).Evidence.Targets!.Count);
        using var folder = Repo.CopyOfSample();
        File.Delete(folder.File("targets.csv"));
        Assert.Null((await new DatasetFolderSource(folder.Path).GatherAsync()).Evidence.Targets);
    }
}
