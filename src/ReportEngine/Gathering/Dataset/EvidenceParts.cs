using ReportEngine.Evidence;

namespace ReportEngine.Gathering.Dataset;

/// <summary>
/// An <see cref="EvidenceSet"/> being put together file by file, whatever the files are read from; each
/// <see cref="DatasetFile"/> fills its own part. A required file's part must be filled; an optional one left unfilled
/// reads as its file's absence.
/// </summary>
public sealed class EvidenceParts
{
    internal Authority? Authority { get; set; }
    internal IReadOnlyList<QualityStatementScore>? Scores { get; set; }
    internal IReadOnlyList<Finding>? Findings { get; set; }
    internal IReadOnlyList<Complaint>? Complaints { get; set; }
    internal IReadOnlyList<OmbudsmanCase>? OmbudsmanCases { get; set; }
    internal IReadOnlyList<OmbudsmanBenchmark>? OmbudsmanBenchmarks { get; set; }
    internal IReadOnlyList<StaffMember>? Staff { get; set; }
    internal IReadOnlyList<Course>? Courses { get; set; }
    internal IReadOnlyList<CourseRequirement>? CourseRequirements { get; set; }
    internal IReadOnlyList<TrainingCompletion>? Training { get; set; }
    internal IReadOnlyList<Supervision>? Supervisions { get; set; }
    internal IReadOnlyList<ImprovementAction>? Actions { get; set; }
    internal IReadOnlyList<DateOnly>? BankHolidays { get; set; }
    internal IReadOnlyList<ComplaintLearning>? ComplaintLearning { get; set; }
    internal IReadOnlyList<Target>? Targets { get; set; }
    internal IReadOnlyList<Benchmark>? Benchmarks { get; set; }
    internal CareActEvidence CareAct { get; set; } = CareActEvidence.None;
    internal IReadOnlyList<FileCoverage>? Coverage { get; set; }

    /// <param name="authority">The authority, when its row is held apart from the files (the database's).</param>
    public EvidenceSet Build(Authority? authority = null) => new(
        authority ?? Authority ?? throw Unfilled(ContractTables.Authority),
        Scores ?? throw Unfilled(ContractTables.Scores),
        Findings ?? throw Unfilled(ContractTables.Findings),
        Complaints ?? throw Unfilled(ContractTables.Complaints),
        OmbudsmanCases ?? throw Unfilled(ContractTables.OmbudsmanCases),
        OmbudsmanBenchmarks ?? [],
        Staff ?? throw Unfilled(ContractTables.Staff),
        Courses ?? throw Unfilled(ContractTables.Courses),
        CourseRequirements ?? throw Unfilled(ContractTables.CourseRequirements),
        Training ?? throw Unfilled(ContractTables.Training),
        Supervisions ?? throw Unfilled(ContractTables.Supervisions),
        Actions ?? throw Unfilled(ContractTables.Actions),
        BankHolidays is null ? BankHolidayCalendar.EnglandAndWales : BankHolidayCalendar.FromDates(BankHolidays),
        ComplaintLearning,
        Targets,
        CareAct.Files.Any(f => f.Supplied) ? CareAct : null,
        Coverage,
        Benchmarks);

    private static InvalidOperationException Unfilled(DatasetFile file) => new($"{file.FileName}: its rows were not read");
}
