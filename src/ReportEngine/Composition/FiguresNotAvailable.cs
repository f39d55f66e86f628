using ReportEngine.Metrics;

namespace ReportEngine.Composition;

/// <summary>
/// coverage.md in print, for every kind: the report's figures the data does not cover (<see cref="Now"/>), the same figures
/// a year earlier it does not cover (so no change is printed against them), and for each file that leaves a figure
/// uncovered the sentence that says so, which each section prints once for its own files (<see cref="Notes"/>). Keyed by
/// metric and file name, as objects, so templates can ask whether a key is there.
/// </summary>
public sealed record FiguresNotAvailable(IDictionary<string, object> Now, IDictionary<string, object> YearEarlier, IDictionary<string, object> Notes)
{
    /// <param name="keys">The report's figures.</param>
    /// <param name="coverage">Which figures of the report's last month (a year's March) the data covers.</param>
    /// <param name="period">The report's period, as a sentence names it: "March 2024", "2023-24".</param>
    public static FiguresNotAvailable Of(IEnumerable<string> keys, FigureCoverage coverage, string period)
    {
        var yearEarlier = coverage.YearEarlier();
        var all = keys.ToList();
        var now = all.Select(k => (Key: k, Files: coverage.Uncovered(k))).Where(k => k.Files.Count > 0).ToList();
        return new FiguresNotAvailable(
            now.ToDictionary(k => k.Key, k => (object)string.Join(", ", k.Files), StringComparer.Ordinal),
            all.Where(k => !yearEarlier.Covers(k)).ToDictionary(k => k, k => (object)true, StringComparer.Ordinal),
            now.SelectMany(k => k.Files).Distinct().ToDictionary(file => file, file => (object)Sentence(file, coverage.Data.Of(file), period,
                onlyTheYearBefore: now.Where(k => k.Files.Contains(file)).All(k => k.Key.Contains("_prev_", StringComparison.Ordinal))), StringComparer.Ordinal));
    }

    /// <summary>
    /// "Supervision figures are not available for March 2024: supervision.csv covers 1 April 2021 to 29 February 2024."
    /// When the file leaves only the twelve months before uncovered, the sentence says so, not that the period's are.
    /// </summary>
    private static string Sentence(string file, FileSpan span, string period, bool onlyTheYearBefore) =>
        $"{Subject(file)} figures {(onlyTheYearBefore ? $"for the twelve months before {period} are" : $"are not available for {period}")}" +
        $"{(onlyTheYearBefore ? " not available" : "")}: {file} covers {ReportFormat.Covers(span)}.";

    private static string Subject(string file) => file switch
    {
        "complaints.csv" => "Complaints",
        "staff.csv" => "Workforce",
        "training.csv" => "Training",
        "supervision.csv" => "Supervision",
        "actions.csv" => "Improvement action",
        "findings.csv" => "Evidence",
        "qs_scores.csv" => "Assessment score",
        "complaint_learning.csv" => "Complaint learning",
        "waits.csv" => "Waiting",
        "long_term_support.csv" or "reviews.csv" => "Review",
        "safeguarding_concerns.csv" => "Safeguarding concern",
        "safeguarding_enquiries.csv" => "Section 42 enquiry",
        "dols_applications.csv" => "DoLS",
        _ => file,
    };
}
