using ReportEngine.Evidence;

namespace ReportEngine.Tests.Support;

/// <summary>Small evidence sets for pinning one metric rule at a time.</summary>
public sealed record EvidenceBuilder
{
    public Authority Authority { get; init; } = new("TST", "Test Council", CouncilType.Unitary, 200_000);
    public List<QualityStatementScore> Scores { get; init; } = [];
    public List<Finding> Findings { get; init; } = [];
    public List<Complaint> Complaints { get; init; } = [];
    public List<OmbudsmanCase> Cases { get; init; } = [];
    public List<OmbudsmanBenchmark> Benchmarks { get; init; } = [];
    public List<StaffMember> Staff { get; init; } = [];
    public List<Course> Courses { get; init; } = [];
    public List<CourseRequirement> Requirements { get; init; } = [];
    public List<TrainingCompletion> Training { get; init; } = [];
    public List<Supervision> Supervisions { get; init; } = [];
    public List<ImprovementAction> Actions { get; init; } = [];

    /// <summary>complaint_learning.csv; null when the dataset has no such file.</summary>
    public List<ComplaintLearning>? Learning { get; init; }

    /// <summary>targets.csv; null when the dataset has no such file.</summary>
    public List<Target>? Targets { get; init; }

    /// <summary>benchmarks.csv (benchmarks.md); null when the dataset has no such file.</summary>
    public List<Benchmark>? Published { get; init; }

    /// <summary>coverage.csv (coverage.md); null when the dataset says nothing of what its files cover.</summary>
    public List<FileCoverage>? Coverage { get; init; }

    public EvidenceSet Build() => new(Authority, Scores, Findings, Complaints, Cases, Benchmarks, Staff, Courses, Requirements,
        Training, Supervisions, Actions, BankHolidayCalendar.EnglandAndWales, Learning, Targets, Coverage: Coverage, Benchmarks: Published);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Complaint Complaint(string received, string? acknowledged = null, string? due = null, string? responded = null,
        ComplaintOutcome? outcome = null, string themes = "", bool qa = false, string? @ref = null, string area = "Older people") =>
        new(@ref ?? $"C-{Guid.NewGuid():N}", D(received), acknowledged is null ? null : D(acknowledged), D(due ?? received),
            responded is null ? null : D(responded), outcome ?? (responded is null ? null : ComplaintOutcome.NotUpheld), area,
            themes.Split(';', StringSplitOptions.RemoveEmptyEntries), qa);

    public static StaffMember Member(string id, string start, string? end = null, string role = "Social Worker", string team = "Team A",
        EmploymentType type = EmploymentType.Permanent, decimal fte = 1, bool rsw = true) =>
        new(id, team, "Older people", role, type, fte, D(start), end is null ? null : D(end), rsw);
}
