using ReportEngine.Evidence;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

public class WorkforceAndTrainingTests
{
    private static EvidenceBuilder OneCourse(int? renewalMonths, string completed, string? expiry = null) => new()
    {
        Staff = [Member("S1", "2020-01-01")],
        Courses = [new Course("C1", "Course", CourseCategory.Safeguarding, renewalMonths)],
        Requirements = [new CourseRequirement("C1", "Social Worker", 0)],
        Training = [new TrainingCompletion("S1", "C1", D(completed), expiry is null ? null : D(expiry), 3)],
    };

    [Theory]
    [InlineData("2023-01-31", 2023, 1, true)]   // expires 28 February 2023: still valid at 31 January
    [InlineData("2023-01-31", 2023, 2, false)]  // 31 January + 1 month = 28 February, not after E
    [InlineData("2024-01-31", 2024, 2, false)]  // leap year: 29 February 2024
    [InlineData("2024-01-30", 2024, 2, false)]  // 30 January + 1 month = 29 February 2024
    [InlineData("2024-02-01", 2024, 2, true)]   // 1 February + 1 month = 1 March, after E
    public void Expiry_is_by_calendar_months(string completed, int year, int month, bool met)
    {
        var m = TrainingMetrics.Compute(OneCourse(1, completed).Build(), new ReportingPeriod(year, month));
        Assert.Equal(met ? 1m : 0m, m.Compliance.Numerator);
        Assert.Equal(1m, m.Compliance.Denominator);
        Assert.Equal(met ? 0 : 1, m.Overdue);
    }

    [Fact]
    public void Expiry_date_overrides_renewal_months_and_null_renewal_never_expires()
    {
        Assert.Equal(0m, TrainingMetrics.Compute(OneCourse(null, "2020-01-01", expiry: "2023-01-01").Build(), new ReportingPeriod(2024, 1)).Compliance.Numerator);
        Assert.Equal(1m, TrainingMetrics.Compute(OneCourse(null, "2010-01-01").Build(), new ReportingPeriod(2024, 1)).Compliance.Numerator);
    }

    [Fact]
    public void A_completion_after_the_end_has_not_happened_and_a_requirement_not_yet_due_is_not_counted()
    {
        var after = TrainingMetrics.Compute(OneCourse(12, "2024-02-01").Build(), new ReportingPeriod(2024, 1));
        Assert.Equal((0m, 1m), (after.Compliance.Numerator, after.Compliance.Denominator));

        var notDue = OneCourse(12, "2024-02-01") with { Requirements = [new CourseRequirement("C1", "Social Worker", 10_000)] };
        var m = TrainingMetrics.Compute(notDue.Build(), new ReportingPeriod(2024, 1));
        Assert.Equal(0m, m.Compliance.Denominator);
        Assert.Null(m.Compliance.Value);
        Assert.Empty(m.ComplianceByTeam);
    }

    [Fact]
    public void Zero_denominators_give_null_not_zero()
    {
        var m = WorkforceMetrics.Compute(new EvidenceBuilder().Build(), new ReportingPeriod(2024, 1));
        Assert.All(new[] { m.SupervisionCompliance, m.ReflectiveSupervision, m.SupervisionCancellationRate, m.Turnover12m, m.AgencyFteShare },
            r => Assert.Null(r.Value));
    }

    [Fact]
    public void Supervision_windows_are_thirty_and_ninety_one_days_back_from_the_end()
    {
        var evidence = new EvidenceBuilder
        {
            Staff = [Member("S1", "2020-01-01"), Member("S2", "2020-01-01"), Member("S3", "2020-01-01", rsw: false)],
            Supervisions =
            [
                new Supervision("S1", D("2024-01-01"), 60, SupervisionKind.Case, false),        // E - 30: in
                new Supervision("S2", D("2023-12-31"), 60, SupervisionKind.Case, false),        // E - 31: out
                new Supervision("S2", D("2024-01-20"), 60, SupervisionKind.Case, true),         // cancelled
                new Supervision("S1", D("2023-11-01"), 60, SupervisionKind.Reflective, false),  // E - 91: in
                new Supervision("S3", D("2024-01-20"), 60, SupervisionKind.Case, false),        // not a social worker
            ],
        }.Build();
        var m = WorkforceMetrics.Compute(evidence, new ReportingPeriod(2024, 1));
        Assert.Equal((1m, 2m), (m.SupervisionCompliance.Numerator, m.SupervisionCompliance.Denominator));
        Assert.Equal((1m, 2m), (m.ReflectiveSupervision.Numerator, m.ReflectiveSupervision.Denominator));
        Assert.Equal((1m, 5m), (m.SupervisionCancellationRate.Numerator, m.SupervisionCancellationRate.Denominator));
    }

    [Fact]
    public void Turnover_is_non_agency_leavers_over_average_headcount_and_agency_share_is_by_fte()
    {
        var evidence = new EvidenceBuilder
        {
            Staff =
            [
                Member("S1", "2020-01-01", end: "2023-06-30"),
                Member("S2", "2020-01-01"),
                Member("S3", "2020-01-01"),
                Member("S4", "2023-09-01", fte: 0.5m),
                Member("A1", "2020-01-01", end: "2023-06-30", type: EmploymentType.Agency),
                Member("A2", "2023-01-01", type: EmploymentType.Agency, fte: 0.5m),
            ],
        }.Build();
        var m = WorkforceMetrics.Compute(evidence, new ReportingPeriod(2024, 1));
        Assert.Equal((1m, 3m), (m.Turnover12m.Numerator, m.Turnover12m.Denominator)); // (3 + 3) / 2
        Assert.Equal((0.5m, 3m), (m.AgencyFteShare.Numerator, m.AgencyFteShare.Denominator));
    }
}
