using ReportEngine.Metrics;

namespace ReportEngine.Composition.Monthly;

/// <summary>
/// coverage.md in print: the pack's figures the data does not cover (<see cref="Now"/>), the year-earlier figures it does
/// not cover (so no change is printed against them), and for each file that leaves a figure uncovered the sentence that
/// says so, which each section prints once for its own files (<see cref="Notes"/>). Keyed by metric and file name, as
/// objects, so templates can ask whether a key is there.
/// </summary>
public sealed record FiguresNotAvailable(IDictionary<string, object> Now, IDictionary<string, object> YearEarlier, IDictionary<string, object> Notes)
{
    public static FiguresNotAvailable Of(MonthlyFigures figures)
    {
        var month = figures.Current.Period;
        var coverage = figures.Coverage;
        var yearEarlier = new FigureCoverage(coverage.Data, month.Shift(-12));
        var keys = figures.Current.ByKey().Select(k => k.Key).ToList();
        var now = keys.Select(k => (Key: k, Files: coverage.Uncovered(k))).Where(k => k.Files.Count > 0).ToList();
        return new FiguresNotAvailable(
            now.ToDictionary(k => k.Key, k => (object)string.Join(", ", k.Files), StringComparer.Ordinal),
            keys.Where(k => !yearEarlier.Covers(k)).ToDictionary(k => k, k => (object)true, StringComparer.Ordinal),
            now.SelectMany(k => k.Files).Distinct()
                .ToDictionary(file => file, file => (object)Sentence(file, coverage.Data.Of(file), month), StringComparer.Ordinal));
    }

    /// <summary>"Supervision figures are not available for March 2024: supervision.csv covers 1 April 2021 to 29 February 2024."</summary>
    private static string Sentence(string file, FileSpan span, ReportingPeriod month)
    {
        return $"{Subject(file)} figures are not available for {ReportFormat.Month(month)}: {file} covers {ReportFormat.Covers(span)}.";
    }

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
