namespace ReportEngine.Evidence;

/// <summary>An authority's whole evidence, as validated from a dataset folder or read from the database.</summary>
public sealed record EvidenceSet(
    Authority Authority,
    IReadOnlyList<QualityStatementScore> Scores,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Complaint> Complaints,
    IReadOnlyList<OmbudsmanCase> OmbudsmanCases,
    IReadOnlyList<OmbudsmanBenchmark> OmbudsmanBenchmarks,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<Course> Courses,
    IReadOnlyList<CourseRequirement> CourseRequirements,
    IReadOnlyList<TrainingCompletion> Training,
    IReadOnlyList<Supervision> Supervisions,
    IReadOnlyList<ImprovementAction> Actions,
    BankHolidayCalendar BankHolidays);
