using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>reports.md, quality-statement: the figures of one statement S as at E of month M.</summary>
public class QualityStatementFiguresTests
{
    private static readonly ReportingPeriod January2024 = new(2024, 1);

    private static Dictionary<string, MetricValue> Keys(EvidenceBuilder evidence, QualityStatement statement = QualityStatement.Safeguarding) =>
        QualityStatementFigures.Compute(evidence.Build(), January2024, statement).ByKey().ToDictionary();

    private static QualityStatementScore Score(AssessmentKind kind, string on, int score, QualityStatement qs = QualityStatement.Safeguarding) =>
        new($"{kind}-{on}", kind, D(on), qs, score, null);

    private static Finding Found(string on, FindingCategory category, FindingKind kind = FindingKind.Strength, QualityStatement qs = QualityStatement.Safeguarding) =>
        new($"F-{Guid.NewGuid():N}", qs, category, kind, "t", null, null, D(on));

    [Fact]
    public void Every_score_key_is_present_with_the_latest_score_by_the_end_or_null()
    {
        var keys = Keys(new EvidenceBuilder
        {
            Scores =
            [
                Score(AssessmentKind.Cqc, "2023-01-01", 2), Score(AssessmentKind.Cqc, "2023-11-30", 3), Score(AssessmentKind.Cqc, "2024-02-01", 4), // after E
                Score(AssessmentKind.Self, "2024-01-31", 4), Score(AssessmentKind.Self, "2024-01-31", 1, QualityStatement.Learning), // another statement
            ],
        });
        Assert.Equal(new NumberValue(3), keys["qs.score.CQC"]);
        Assert.Equal(new NumberValue(4), keys["qs.score.SELF"]);
        Assert.Equal(new NumberValue(null), keys["qs.score.MOCK"]);
        Assert.Equal(new NumberValue(null), keys["qs.score.PEER"]);
    }

    [Fact]
    public void Findings_are_counted_by_category_and_kind_with_every_key_present_and_coverage_over_the_four_core_categories()
    {
        var keys = Keys(new EvidenceBuilder
        {
            Findings =
            [
                Found("2023-02-01", FindingCategory.PeopleExperience, FindingKind.KeyFinding), // first day of R12
                Found("2024-01-31", FindingCategory.PeopleExperience),
                Found("2023-06-01", FindingCategory.Outcomes, FindingKind.AreaForImprovement), // not a core category
                Found("2023-01-31", FindingCategory.Partners),                                 // before R12: only freshness's denominator
                Found("2024-02-01", FindingCategory.Processes),                                // after E: nowhere
                Found("2023-06-01", FindingCategory.StaffLeaders, qs: QualityStatement.Learning),
            ],
        });
        Assert.Equal(new CountValue(2), keys["qs.findings_12m.PEOPLE_EXPERIENCE"]);
        Assert.Equal(new CountValue(0), keys["qs.findings_12m.STAFF_LEADERS"]);
        Assert.Equal(new CountValue(0), keys["qs.findings_12m.PARTNERS"]);
        Assert.Equal(new CountValue(0), keys["qs.findings_12m.PROCESSES"]);
        Assert.Equal(new CountValue(1), keys["qs.findings_12m.OUTCOMES"]);
        Assert.Equal(new CountValue(0), keys["qs.findings_12m.OBSERVATION"]);
        Assert.Equal(new CountValue(1), keys["qs.findings_kind_12m.KEY_FINDING"]);
        Assert.Equal(new CountValue(1), keys["qs.findings_kind_12m.STRENGTH"]);
        Assert.Equal(new CountValue(1), keys["qs.findings_kind_12m.AREA_FOR_IMPROVEMENT"]);
        Assert.Equal(Ratio.Percent(1, 4), keys["qs.evidence_coverage_pct"]);
        Assert.Equal(Ratio.Percent(3, 4), keys["qs.evidence_freshness_pct"]);
    }

    [Fact]
    public void With_no_findings_freshness_is_null_not_zero()
    {
        var keys = Keys(new EvidenceBuilder());
        Assert.Null(((Ratio)keys["qs.evidence_freshness_pct"]).Value);
        Assert.Equal(Ratio.Percent(0, 4), keys["qs.evidence_coverage_pct"]);
    }

    [Fact]
    public void Actions_of_the_statement_alone_open_overdue_and_completed_on_time()
    {
        ImprovementAction Action(string id, QualityStatement? qs, string created, string due, string? done = null) =>
            new(id, qs, "t", "o", D(created), D(due), done is null ? null : D(done), Rag.Green);
        var keys = Keys(new EvidenceBuilder
        {
            Actions =
            [
                Action("A1", QualityStatement.Safeguarding, "2023-01-01", "2024-01-30"),                // open, overdue
                Action("A2", QualityStatement.Safeguarding, "2023-01-01", "2024-01-31"),                // open, due on E: not overdue
                Action("A3", QualityStatement.Safeguarding, "2023-01-01", "2023-06-01", "2024-02-10"),  // completed after E: open, overdue
                Action("A4", QualityStatement.Safeguarding, "2024-02-01", "2024-01-01"),                // created after E: not counted
                Action("A5", QualityStatement.Safeguarding, "2023-01-01", "2023-06-01", "2023-05-01"),  // completed on time in R12
                Action("A6", QualityStatement.Safeguarding, "2023-01-01", "2023-06-01", "2023-07-01"),  // completed late in R12
                Action("A7", QualityStatement.Learning, "2023-01-01", "2023-06-01"),                    // another statement
                Action("A8", null, "2023-01-01", "2023-06-01"),                                         // no statement
            ],
        });
        Assert.Equal(new CountValue(3), keys["qs.actions_open"]);
        Assert.Equal(new CountValue(2), keys["qs.actions_overdue"]);
        Assert.Equal(Ratio.Percent(1, 2), keys["qs.actions_completed_on_time_pct_12m"]);
    }

    [Fact]
    public void Learning_also_carries_the_monthly_packs_complaints_training_and_supervision_figures()
    {
        var evidence = new EvidenceBuilder { Complaints = [Complaint("2023-06-01")] };
        var learning = Keys(evidence, QualityStatement.Learning);
        var monthly = PackMetrics.Compute(evidence.Build(), January2024).ByKey().ToDictionary();
        foreach (var prefix in new[] { "complaints.", "training.", "supervision." })
        {
            var expected = monthly.Where(k => k.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(expected);
            Assert.All(expected, k => Assert.Equal(k.Value, learning[k.Key]));
        }
        Assert.DoesNotContain(learning.Keys, k => k.StartsWith("workforce.", StringComparison.Ordinal) || k.StartsWith("readiness.", StringComparison.Ordinal));
        Assert.DoesNotContain(Keys(evidence).Keys, k => !k.StartsWith("qs.", StringComparison.Ordinal));
    }
}
