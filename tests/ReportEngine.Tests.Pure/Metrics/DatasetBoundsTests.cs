using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>coverage.md's periods a report may be made for, at their boundary days.</summary>
public class DatasetBoundsTests
{
    private static ReportPeriod Month(string text) => PeriodType.Month.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private static EvidenceBuilder Complaints(params string[] received) => new() { Complaints = [.. received.Select(r => Complaint(r))] };

    [Fact]
    public void A_period_that_ends_after_the_extraction_day_is_refused_and_one_that_ends_on_it_is_not()
    {
        var evidence = Complaints("2023-01-10").Build() with
        {
            Authority = new Authority("TST", "Test Council", CouncilType.Unitary, 200_000, ExtractedOn: D("2024-03-31")),
        };
        var bounds = DatasetBounds.Of(evidence);
        Assert.Null(bounds.WhyNot(Month("2024-03")));
        Assert.Equal("the dataset was extracted on 31 March 2024; a report for April 2024 would count days not yet recorded", bounds.WhyNot(Month("2024-04")));

        var early = DatasetBounds.Of(evidence with { Authority = evidence.Authority with { ExtractedOn = D("2024-03-30") } });
        Assert.StartsWith("the dataset was extracted on 30 March 2024; a report for March 2024", early.WhyNot(Month("2024-03")));
    }

    [Fact]
    public void Without_coverage_a_period_is_refused_when_it_ends_before_the_first_record_or_starts_after_the_last()
    {
        var bounds = DatasetBounds.Of(Complaints("2022-02-02", "2024-03-28").Build());
        const string run = "the dataset's records run from 2 February 2022 to 28 March 2024";
        Assert.Equal($"{run}; a report for January 2022 would have none", bounds.WhyNot(Month("2022-01")));
        Assert.Null(bounds.WhyNot(Month("2022-02"))); // ends after the first record
        Assert.Null(bounds.WhyNot(Month("2024-03"))); // starts before the last
        Assert.Equal($"{run}; a report for April 2024 would have none", bounds.WhyNot(Month("2024-04")));
        Assert.Equal($"{run}; a report for January 1999 would have none", bounds.WhyNot(Month("1999-01")));
        Assert.EndsWith("a report for January 2031 would have none", DatasetBounds.Of(Complaints("2022-02-02").Build()).WhyNot(Month("2031-01")));
    }

    [Fact]
    public void Every_records_date_column_of_coverage_md_counts()
    {
        var e = new EvidenceBuilder
        {
            Training = [new TrainingCompletion("S1", "C1", D("2010-05-01"), null, null)],
            Actions = [new ImprovementAction("A1", null, "t", "o", D("2011-01-01"), D("2030-01-01"), D("2029-06-30"), Rag.Green)],
        }.Build();
        var bounds = DatasetBounds.Of(e);
        Assert.Equal(D("2010-05-01"), bounds.FirstRecord);
        Assert.Equal(D("2029-06-30"), bounds.LastRecord); // an action's completed_date; its due_date is not a record of something done
    }

    [Fact]
    public void With_coverage_a_period_is_refused_when_no_event_file_covers_any_day_of_its_twelve_months()
    {
        var covered = Complaints("2023-01-10").Build() with
        {
            Authority = new Authority("TST", "Test Council", CouncilType.Unitary, 200_000, ExtractedOn: D("2024-03-31")),
            Coverage = [.. EventFiles.SuppliedIn(new EvidenceBuilder().Build()).Select(f => new FileCoverage(f, D("2022-04-01"), null))],
        };
        var bounds = DatasetBounds.Of(covered);
        // Twelve months to March 2022 end the day before every file starts; to April 2022 they include its first day.
        Assert.Equal("no file of the dataset covers any day from 1 April 2021 to 31 March 2022 (coverage.csv); a report for March 2022 would have no figures",
            bounds.WhyNot(Month("2022-03")));
        Assert.Null(bounds.WhyNot(Month("2022-04")));

        // One file without a row is open at its start and covers everything up to extraction.
        var oneOpen = DatasetBounds.Of(covered with { Coverage = covered.Coverage!.Skip(1).ToList() });
        Assert.Null(oneOpen.WhyNot(Month("2022-03")));
    }

    [Fact]
    public void The_periods_offered_are_those_not_refused_newest_first()
    {
        var covered = Complaints("2023-01-10").Build() with
        {
            Authority = new Authority("TST", "Test Council", CouncilType.Unitary, 200_000, ExtractedOn: D("2024-03-31")),
            Coverage = [.. EventFiles.SuppliedIn(new EvidenceBuilder().Build()).Select(f => new FileCoverage(f, D("2022-04-01"), null))],
        };
        var months = DatasetBounds.Of(covered).Offered(PeriodType.Month);
        Assert.Equal(24, months.Count); // April 2022 to March 2024
        Assert.Equal(("2024-03", "2022-04"), (months[0].ToString(), months[^1].ToString()));
        Assert.Equal(["2023-24", "2022-23"], DatasetBounds.Of(covered).Offered(PeriodType.BusinessYear).Select(p => p.ToString()));

        // Without coverage or extraction: from the first record's month to the last's.
        Assert.Equal(["2024-03", "2024-02"], DatasetBounds.Of(Complaints("2024-02-28", "2024-03-01").Build()).Offered(PeriodType.Month).Select(p => p.ToString()));
        Assert.Empty(DatasetBounds.Of(new EvidenceBuilder().Build()).Offered(PeriodType.Month));
    }
}
