using ReportEngine.Evidence;
using ReportEngine.Gathering;

namespace ReportEngine.Tests.Gathering;

/// <summary>
/// coverage.csv (coverage.md), the first file added as one declaration (<c>CoverageTables</c>): read when a dataset has
/// it, absent when not (and then the evidence is as before), and every problem with it named by line in one pass.
/// </summary>
public class CoverageFileTests
{
    [Fact]
    public async Task A_dataset_without_coverage_csv_reads_as_before_and_one_with_it_gives_each_files_days()
    {
        using var folder = Repo.CopyOfSample();
        File.Delete(folder.File("coverage.csv"));
        Assert.Null((await new DatasetFolderSource(folder.Path).GatherAsync()).Evidence.Coverage);

        File.WriteAllText(folder.File("coverage.csv"), "file,covers_from,covers_to\nsupervision.csv,,2024-02-29\ncomplaints.csv,2022-02-01,\nwaits.csv,2023-04-01,2024-03-31\n");
        var gathered = await new DatasetFolderSource(folder.Path).GatherAsync();

        Assert.Equal(
            [
                new FileCoverage("supervision.csv", null, new DateOnly(2024, 2, 29)),
                new FileCoverage("complaints.csv", new DateOnly(2022, 2, 1), null),
                new FileCoverage("waits.csv", new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)),
            ],
            gathered.Evidence.Coverage);
        Assert.Equal(3, gathered.Provenance.RowsPerFile.Single(r => r.Key == "coverage.csv").Value);
    }

    [Fact]
    public async Task A_file_that_is_not_an_event_file_or_not_in_the_dataset_a_file_named_twice_and_days_the_wrong_way_round_are_each_named()
    {
        using var folder = Repo.CopyOfSample();
        File.Delete(folder.File("complaint_learning.csv"));
        File.WriteAllText(folder.File("coverage.csv"), string.Join('\n',
            "file,covers_from,covers_to",
            "courses.csv,,",                      // 2: a reference file, not one of dated events
            "nothing.csv,,",                      // 3
            "complaint_learning.csv,,",           // 4: an event file this dataset lacks
            "supervision.csv,2024-03-01,2024-02-29", // 5
            "training.csv,2024-02-30,",           // 6
            "staff.csv,,",                        // 7
            "staff.csv,2020-01-01,",              // 8
            ""));

        var errors = await DatasetValidationTests.ErrorsOf(folder);

        Assert.Equal(
            [
                "coverage.csv:2: file: 'courses.csv' is not an event file",
                "coverage.csv:3: file: 'nothing.csv' is not an event file",
                "coverage.csv:4: file: 'complaint_learning.csv' is not in the dataset",
                "coverage.csv:5: covers_from: 2024-03-01 is after covers_to 2024-02-29",
                "coverage.csv:6: covers_from: '2024-02-30' is not a valid date",
                "coverage.csv:8: file: duplicate file 'staff.csv' (first on line 7)",
            ],
            errors.Where(e => e.StartsWith("coverage.csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Authority_csv_may_add_the_day_the_data_was_extracted_and_the_adult_population()
    {
        using var folder = Repo.CopyOfSample();
        File.WriteAllText(folder.File("authority.csv"), "code,name,council_type,population,extracted_on,adult_population\nNDC,Northdale County Council,COUNTY,612400,2024-04-01,498100\n");
        var authority = (await new DatasetFolderSource(folder.Path).GatherAsync()).Evidence.Authority;
        Assert.Equal(new DateOnly(2024, 4, 1), authority.ExtractedOn);
        Assert.Equal(498100, authority.AdultPopulation);

        // Without the columns, both are unknown.
        File.WriteAllText(folder.File("authority.csv"), "code,name,council_type,population\nNDC,Northdale County Council,COUNTY,612400\n");
        var before = (await new DatasetFolderSource(folder.Path).GatherAsync()).Evidence.Authority;
        Assert.Null(before.ExtractedOn);
        Assert.Null(before.AdultPopulation);
    }

    [Fact]
    public async Task An_adult_population_above_the_population_and_coverage_past_the_extraction_day_are_named()
    {
        const string header = "code,name,council_type,population,extracted_on,adult_population\n";
        using var folder = Repo.CopyOfSample();
        File.WriteAllText(folder.File("authority.csv"), header + "NDC,Northdale County Council,COUNTY,612400,2024-03-31,612401\n");
        Assert.Contains("authority.csv:2: adult_population: 612401 is more than population 612400", await DatasetValidationTests.ErrorsOf(folder));

        File.WriteAllText(folder.File("authority.csv"), header + "NDC,Northdale County Council,COUNTY,612400,2024-03-31,612400\n");
        File.WriteAllText(folder.File("coverage.csv"), "file,covers_from,covers_to\nsupervision.csv,,2024-03-31\nstaff.csv,,2024-04-01\n");
        Assert.Equal(
            ["coverage.csv:3: covers_to: 2024-04-01 is after the day the data was extracted (2024-03-31, authority.csv)"],
            await DatasetValidationTests.ErrorsOf(folder));
    }
}
