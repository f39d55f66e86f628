using ReportEngine.Evidence;
using ReportEngine.Gathering;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>reports.md, complaints-annual: for business year Y, M is March of its second year, E 31 March, R12 the year itself.</summary>
public class AnnualComplaintsTests
{
    private static readonly ReportPeriod Year2023 = PeriodType.BusinessYear.Containing(D("2023-06-01"));

    private static AnnualComplaintsFigures Compute(EvidenceBuilder evidence) => AnnualComplaintsFigures.Compute(evidence.Build(), Year2023);

    private static Dictionary<string, MetricValue> Keys(AnnualComplaintsFigures figures) => figures.ByKey().ToDictionary();

    [Fact]
    public async Task The_complaints_and_ombudsman_figures_are_exactly_the_monthly_packs_for_March()
    {
        var evidence = (await new DatasetFolderSource(Repo.Sample).GatherAsync()).Evidence;
        var annual = AnnualComplaintsFigures.Compute(evidence, Year2023).ByKey().ToDictionary();
        var march = PackMetrics.Compute(evidence, new ReportingPeriod(2024, 3)).ByKey()
            .Where(k => k.Key.StartsWith("complaints.", StringComparison.Ordinal) || k.Key.StartsWith("lgsco.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(march);
        Assert.All(march, k => Assert.Equal(k.Value, annual[k.Key]));
        Assert.Equal(new CountValue(114), annual["complaints.received_12m"]);
        Assert.Equal(new CountValue(10), annual["complaints.learning_recorded_12m"]);
    }

    [Fact]
    public void Withdrawn_counts_complaints_answered_in_the_year_as_withdrawn()
    {
        var figures = Compute(new EvidenceBuilder
        {
            Complaints =
            [
                Complaint("2023-03-20", responded: "2023-04-03", outcome: ComplaintOutcome.Withdrawn), // answered in the year
                Complaint("2023-03-01", responded: "2023-03-31", outcome: ComplaintOutcome.Withdrawn), // the year before
                Complaint("2024-03-01", responded: "2024-04-01", outcome: ComplaintOutcome.Withdrawn), // after E
                Complaint("2023-05-01", responded: "2023-05-10", outcome: ComplaintOutcome.Upheld),
            ],
        });
        Assert.Equal(new CountValue(1), Keys(figures)["complaints.withdrawn_12m"]);
        // Withdrawn complaints have no decision: they are outside the well-founded denominator.
        Assert.Equal((1m, 1m), (figures.Complaints.UpholdRate.Numerator, figures.Complaints.UpholdRate.Denominator));
    }

    [Fact]
    public void Over_six_months_counts_answers_after_six_calendar_months_and_complaints_open_longer_at_the_end()
    {
        var figures = Compute(new EvidenceBuilder
        {
            Complaints =
            [
                Complaint("2023-01-10", responded: "2023-07-10", @ref: "EXACTLY-SIX"),      // answered on the day six months on: not over
                Complaint("2023-01-10", responded: "2023-07-11", @ref: "A-DAY-OVER"),       // one day later: over
                Complaint("2023-08-31", responded: "2024-02-29", @ref: "SHORT-MONTH"),      // 31 Aug + 6 months = 29 Feb 2024: not over
                Complaint("2023-08-31", responded: "2024-03-01", @ref: "PAST-FEB"),         // over
                Complaint("2022-09-01", responded: "2023-03-31", @ref: "LAST-YEAR"),        // answered before the year: not counted
                Complaint("2023-09-30", @ref: "OPEN-SIX"),                                  // open; 30 Sep + 6 = 30 Mar < E: over
                Complaint("2023-10-01", @ref: "OPEN-UNDER"),                                // open; 1 Oct + 6 = 1 Apr > E: not over
                Complaint("2023-09-29", responded: "2024-04-15", @ref: "OPEN-AT-E"),        // answered after E, so open at E: over
            ],
        });
        Assert.Equal(["A-DAY-OVER", "OPEN-AT-E", "OPEN-SIX", "PAST-FEB"], figures.Annual.OverSixMonths.Select(c => c.Ref).Order(StringComparer.Ordinal));
        Assert.Equal(new CountValue(4), Keys(figures)["complaints.over_6_months"]);
        Assert.Null(figures.Annual.OverSixMonths.Single(c => c.Ref == "OPEN-AT-E").RespondedDate);
    }

    [Fact]
    public void Service_areas_are_counted_as_written_one_key_each_for_complaints_received_in_the_year()
    {
        var figures = Compute(new EvidenceBuilder
        {
            Complaints =
            [
                Complaint("2023-04-01", area: "Mental health"), Complaint("2024-03-31", area: "Mental health"),
                Complaint("2023-05-01", area: "Gwasanaethau oedolion & <carers>"),
                Complaint("2023-03-31", area: "Reablement"), // the year before: shown beside, no key
            ],
        });
        var keys = Keys(figures);
        Assert.Equal(new CountValue(2), keys["complaints.service_area.Mental health"]);
        Assert.Equal(new CountValue(1), keys["complaints.service_area.Gwasanaethau oedolion & <carers>"]);
        Assert.False(keys.ContainsKey("complaints.service_area.Reablement"));
        Assert.Equal([new AreaCount("Reablement", 1)], figures.Annual.ServiceAreasPrevious);
    }

    [Fact]
    public void Ombudsman_cases_count_every_decision_of_each_reported_year_decided_by_the_end()
    {
        OmbudsmanCase Case(string year, string decided, OmbudsmanDecision decision) =>
            new($"L-{Guid.NewGuid():N}", null, year, D(decided), decision, false, null, null);
        var figures = Compute(new EvidenceBuilder
        {
            Cases =
            [
                Case("2023-24", "2023-06-01", OmbudsmanDecision.NotForUs), Case("2023-24", "2023-07-01", OmbudsmanDecision.AssessedClosed),
                Case("2023-24", "2023-08-01", OmbudsmanDecision.Upheld), Case("2023-24", "2024-04-02", OmbudsmanDecision.Upheld), // after E
                Case("2022-23", "2022-12-01", OmbudsmanDecision.NotUpheld),
                Case("2021-22", "2021-12-01", OmbudsmanDecision.NotUpheld), // a third year: not reported
            ],
        });
        var keys = Keys(figures);
        Assert.Equal(new CountValue(3), keys["lgsco.cases.2023-24"]);
        Assert.Equal(new CountValue(1), keys["lgsco.cases.2022-23"]);
        Assert.False(keys.ContainsKey("lgsco.cases.2021-22"));
        Assert.Equal(new CountValue(1), keys["lgsco.detailed_investigations.2023-24"]);
    }

    [Fact]
    public void Learning_is_counted_by_the_date_recorded_and_only_when_the_file_is_present()
    {
        var complaint = Complaint("2023-04-03", area: "Carers", @ref: "C1");
        var without = Compute(new EvidenceBuilder { Complaints = [complaint] });
        Assert.False(Keys(without).ContainsKey("complaints.learning_recorded_12m"));
        Assert.Null(without.Annual.Learning);

        var empty = Compute(new EvidenceBuilder { Complaints = [complaint], Learning = [] });
        Assert.Equal(new CountValue(0), Keys(empty)["complaints.learning_recorded_12m"]);

        var with = Compute(new EvidenceBuilder
        {
            Complaints = [complaint],
            Learning =
            [
                new("C1", D("2024-03-31"), "Letters were unclear.\nWe rewrote them.", null),
                new("C1", D("2023-04-01"), "Direct Debit taken twice", "Direct Debit process fixed"),
                new("C1", D("2024-04-01"), "Too late for this year", null),
            ],
        });
        Assert.Equal(new CountValue(2), Keys(with)["complaints.learning_recorded_12m"]);
        Assert.Equal(["Direct Debit taken twice", "Letters were unclear.\nWe rewrote them."], with.Annual.Learning!.Select(l => l.Row.Learning));
        Assert.All(with.Annual.Learning!, l => Assert.Equal("Carers", l.ServiceArea));
    }
}
