namespace ReportEngine.Gathering.Dataset;

/// <summary>Every file of the data contract, benchmarks.md, operations.md and coverage.md, in the order they are read, checked and stored.</summary>
public static class DatasetFiles
{
    public static IReadOnlyList<DatasetFile> All { get; } =
    [
        ContractTables.Authority, ContractTables.Scores, ContractTables.Findings, ContractTables.Complaints, ContractTables.OmbudsmanCases,
        ContractTables.OmbudsmanBenchmarks, ContractTables.Staff, ContractTables.Courses, ContractTables.CourseRequirements, ContractTables.Training,
        ContractTables.Supervisions, ContractTables.Actions, ContractTables.BankHolidays, ContractTables.ComplaintLearning, ContractTables.Targets,
        ContractTables.Benchmarks,
        CareActTables.Waits, CareActTables.LongTermSupport, CareActTables.Reviews, CareActTables.Concerns, CareActTables.Enquiries, CareActTables.Dols,
        CoverageTables.Coverage,
    ];

    /// <summary>The files held as rows of their own table (all but authority.csv).</summary>
    public static IReadOnlyList<DatasetFile> Stored { get; } = All.Where(f => f.Table is not null).ToArray();
}
