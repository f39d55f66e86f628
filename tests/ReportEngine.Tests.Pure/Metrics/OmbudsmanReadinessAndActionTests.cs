using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

public class OmbudsmanReadinessAndActionTests
{
    private static OmbudsmanCase Case(string year, string decided, OmbudsmanDecision decision, bool remedy = false,
        string? enquiryDue = null, string? enquirySent = null) =>
        new($"L{Guid.NewGuid():N}", null, year, D(decided), decision, remedy,
            enquiryDue is null ? null : D(enquiryDue), enquirySent is null ? null : D(enquirySent));

    [Fact]
    public void Reports_the_two_latest_business_years_with_a_decision_by_the_end()
    {
        var evidence = new EvidenceBuilder
        {
            Cases =
            [
                Case("2020-21", "2020-06-01", OmbudsmanDecision.Upheld),
                Case("2021-22", "2021-06-01", OmbudsmanDecision.Upheld, remedy: true),
                Case("2021-22", "2021-07-01", OmbudsmanDecision.NotUpheld, enquiryDue: "2021-05-01", enquirySent: "2021-05-01"),
                Case("2021-22", "2021-08-01", OmbudsmanDecision.AssessedClosed, enquiryDue: "2021-05-01", enquirySent: "2021-05-02"),
                Case("2022-23", "2022-06-01", OmbudsmanDecision.NotForUs),
                Case("2023-24", "2024-02-10", OmbudsmanDecision.Upheld), // decided after E
            ],
            Benchmarks = [new OmbudsmanBenchmark("2021-22", OmbudsmanMeasure.UpholdRatePct, 65.5m)],
        }.Build();
        var m = OmbudsmanMetrics.Compute(evidence, new ReportingPeriod(2024, 1));

        Assert.Equal(["2022-23", "2021-22"], m.Years.Select(y => y.BusinessYear));
        var y2122 = m.Years[1];
        Assert.Equal(2, y2122.DetailedInvestigations);
        Assert.Equal(50.0, y2122.UpholdRate.Value);
        Assert.Equal(0.5, y2122.UpheldPer100k); // 1 × 100000 / 200000
        Assert.Equal(100.0, y2122.SatisfactoryRemedy.Value);
        Assert.Equal((1m, 2m), (y2122.EnquiryOnTime.Numerator, y2122.EnquiryOnTime.Denominator));
        Assert.Equal(65.5m, y2122.SimilarUpholdRatePct);
        Assert.Null(y2122.SimilarUpheldPer100k);
        Assert.Null(m.Years[0].UpholdRate.Value); // no detailed investigations: n/a
    }

    private static QualityStatementScore Score(AssessmentKind kind, string on, QualityStatement qs, int score) =>
        new($"{kind}-{on}", kind, D(on), qs, score, null);

    [Theory]
    [InlineData(new[] { 1, 1, 1, 1 }, 25, "Inadequate")]
    [InlineData(new[] { 2, 1, 2, 1, 1, 2, 1, 2 }, 38, "Inadequate")]           // 37.5 rounds half up to 38
    [InlineData(new[] { 3, 2, 3, 2, 3, 2, 2, 2, 3 }, 61, "Requires improvement")] // 61.1
    [InlineData(new[] { 3, 2, 3, 2 }, 63, "Good")]                               // 62.5 rounds up to 63
    [InlineData(new[] { 4, 3 }, 88, "Outstanding")]                               // 87.5 rounds up to 88
    [InlineData(new[] { 4, 4, 4, 3, 3, 3, 3, 4, 3 }, 86, "Good")]                 // 86.1
    public void Readiness_percentage_rounds_half_up_and_falls_in_its_band(int[] scores, int pct, string band)
    {
        var statements = Enum.GetValues<QualityStatement>();
        var evidence = new EvidenceBuilder
        {
            Scores = [.. scores.Select((s, i) => Score(AssessmentKind.Self, "2023-10-01", statements[i], s))],
        }.Build();
        var r = ReadinessMetrics.Compute(evidence, new ReportingPeriod(2024, 1));
        Assert.Equal(pct, r.Self.Percent.Value);
        Assert.Equal(band, r.Self.Band);
        Assert.Equal(scores.Sum(), r.Self.Percent.Numerator);
        Assert.Equal(4 * scores.Length, r.Self.Percent.Denominator);
        Assert.Null(r.Cqc.Band);
        Assert.Null(r.Cqc.Percent.Value);
    }

    [Fact]
    public void Readiness_takes_the_latest_score_by_the_end_for_each_statement()
    {
        var evidence = new EvidenceBuilder
        {
            Scores =
            [
                Score(AssessmentKind.Self, "2023-03-01", QualityStatement.Learning, 2),
                Score(AssessmentKind.Self, "2023-10-01", QualityStatement.Learning, 3),
                Score(AssessmentKind.Self, "2024-03-01", QualityStatement.Learning, 4), // after E
                Score(AssessmentKind.Peer, "2023-11-01", QualityStatement.Learning, 1), // another kind
            ],
        }.Build();
        var r = ReadinessMetrics.Compute(evidence, new ReportingPeriod(2024, 1));
        Assert.Equal(75.0, r.Self.Percent.Value);
    }

    [Fact]
    public void Actions_count_only_those_created_by_the_end()
    {
        ImprovementAction A(string created, string due, string? completed, Rag rag) =>
            new($"A{Guid.NewGuid():N}", null, "t", "o", D(created), D(due), completed is null ? null : D(completed), rag);
        var evidence = new EvidenceBuilder
        {
            Actions =
            [
                A("2023-01-01", "2023-06-01", null, Rag.Red),                // open, overdue
                A("2023-01-01", "2024-06-01", "2024-02-01", Rag.Green),      // completed after E: open
                A("2023-01-01", "2023-06-01", "2023-05-01", Rag.Green),      // completed on time in R12
                A("2023-01-01", "2023-06-01", "2023-07-01", Rag.Green),      // completed late in R12
                A("2024-02-01", "2023-06-01", null, Rag.Red),                // created after E
            ],
        }.Build();
        var m = ActionMetrics.Compute(evidence, new ReportingPeriod(2024, 1));
        Assert.Equal((2, 1, 1, 0, 1), (m.Open, m.Overdue, m.OpenRed, m.OpenAmber, m.OpenGreen));
        Assert.Equal(50.0, m.CompletedOnTime12m.Value);
    }
}
