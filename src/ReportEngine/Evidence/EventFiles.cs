namespace ReportEngine.Evidence;

/// <summary>
/// coverage.md's event files: their rows are dated events, so what a file holds can start late or stop early. The one
/// list: the dataset's declarations ask it which of their files are event files, and coverage asks which of them a
/// dataset supplied.
/// </summary>
public static class EventFiles
{
    private static readonly string[] Contract =
    [
        "complaints.csv", "lgsco_cases.csv", "staff.csv", "training.csv", "supervision.csv", "actions.csv", "findings.csv", "qs_scores.csv",
    ];

    private const string Learning = "complaint_learning.csv";

    public static bool Contains(string file) =>
        Contract.Contains(file) || file == Learning || CareActEvidence.None.Files.Any(f => f.File == file);

    /// <summary>The event files <paramref name="evidence"/>'s dataset has, in coverage.md's order.</summary>
    public static IEnumerable<string> SuppliedIn(EvidenceSet evidence) =>
        Contract.Concat(evidence.HasComplaintLearning ? [Learning] : []).Concat(evidence.Operations.Files.Where(f => f.Supplied).Select(f => f.File));
}
