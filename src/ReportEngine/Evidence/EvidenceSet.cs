namespace ReportEngine.Evidence;

/// <summary>An authority's whole evidence, as validated from a dataset folder or read from the database. Optional files the dataset lacks are null.</summary>
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
    BankHolidayCalendar BankHolidays,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ComplaintLearning>? ComplaintLearning = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<Target>? Targets = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    CareActEvidence? CareAct = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<FileCoverage>? Coverage = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<Benchmark>? Benchmarks = null)
{
    /// <summary>operations.md's files; each is null when the dataset lacks it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public CareActEvidence Operations => CareAct ?? CareActEvidence.None;

    /// <summary>Whether the dataset has complaint_learning.csv (an absent file and an empty one read differently).</summary>
    public bool HasComplaintLearning => ComplaintLearning is not null;

    /// <summary>Whether the dataset has targets.csv.</summary>
    public bool HasTargets => Targets is not null;
}
