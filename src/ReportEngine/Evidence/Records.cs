namespace ReportEngine.Evidence;

// One record per row of the data contract's files. Nullable members are the contract's optional or null-meaning cells.
// The records of the files that run long (complaints, training, supervision, and operations.md's files) are values,
// held side by side in the evidence's arrays: the figures pass over them once a month for 24 months of trends, and as
// objects each row was a pointer to follow and, in a large dataset, one more object for the collector to mark and copy
// (issue 26). The short files' records stay classes.

/// <param name="ExtractedOn">coverage.md: the day the data was taken from the case system; no file covers a day after it.</param>
/// <param name="AdultPopulation">coverage.md: residents aged 18 and over, for rates per 100,000 adults.</param>
/// <param name="ComplaintsContact">How to make a complaint (issue 22): printed exactly as written in the annual complaints report.</param>
/// <remarks>Left out of the frozen snapshot when not set, so that a dataset without them freezes to the same bytes as before.</remarks>
public sealed record Authority(
    string Code, string Name, CouncilType CouncilType, int Population,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    DateOnly? ExtractedOn = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    int? AdultPopulation = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? ComplaintsContact = null);

public sealed record QualityStatementScore(
    string AssessmentId, AssessmentKind Kind, DateOnly AssessedOn, QualityStatement Statement, int Score, string? Rationale);

public sealed record Finding(
    string Id, QualityStatement Statement, FindingCategory Category, FindingKind Kind,
    string Title, string? Summary, string? Source, DateOnly EvidenceDate);

public readonly record struct Complaint(
    string Ref, DateOnly ReceivedDate, DateOnly? AcknowledgedDate, DateOnly DueDate, DateOnly? RespondedDate,
    ComplaintOutcome? Outcome, string ServiceArea, IReadOnlyList<string> Themes, bool QaReviewed);

public sealed record OmbudsmanCase(
    string LgscoRef, string? ComplaintRef, string BusinessYear, DateOnly DecisionDate, OmbudsmanDecision Decision,
    bool SatisfactoryCouncilRemedy, DateOnly? EnquiryDue, DateOnly? EnquirySent);

public sealed record OmbudsmanBenchmark(string BusinessYear, OmbudsmanMeasure Measure, decimal SimilarAverage);

public sealed record StaffMember(
    string StaffId, string Team, string ServiceArea, string JobRole, EmploymentType EmploymentType, decimal Fte,
    DateOnly StartDate, DateOnly? EndDate, bool RegisteredSocialWorker)
{
    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);
}

public sealed record Course(string Code, string Title, CourseCategory Category, int? RenewalMonths);

public sealed record CourseRequirement(string CourseCode, string JobRole, int DueDaysFromStart);

public readonly record struct TrainingCompletion(string StaffId, string CourseCode, DateOnly CompletedDate, DateOnly? ExpiryDate, decimal? Hours);

public readonly record struct Supervision(string StaffId, DateOnly HeldDate, int DurationMinutes, SupervisionKind Kind, bool Cancelled);

public sealed record ImprovementAction(
    string Id, QualityStatement? Statement, string Title, string Owner, DateOnly CreatedOn, DateOnly DueDate,
    DateOnly? CompletedDate, Rag Rag);

/// <summary>What a complaint taught and what changed as a result (complaint_learning.csv, reports.md).</summary>
public sealed record ComplaintLearning(string ComplaintRef, DateOnly RecordedOn, string Learning, string? ActionTaken);

/// <summary>A council's target for a figure (targets.csv, metrics.md version 2): met, missed by no more than <see cref="AmberWithin"/>, or missed.</summary>
public sealed record Target(string Metric, decimal Value, Better Better, decimal AmberWithin);

/// <summary>
/// A published figure to compare a council's with (benchmarks.csv, benchmarks.md): an area's value of a figure for a
/// period, England's with the quartiles of councils where published, from its source on the day it was published.
/// </summary>
/// <param name="Period">What the published figure is for: a month <c>YYYY-MM</c> or a business year <c>YYYY-YY</c>.</param>
public sealed record Benchmark(
    string Metric, BenchmarkArea Area, string AreaName, string Period, decimal Value, decimal? LowerQuartile, decimal? Median,
    decimal? UpperQuartile, string Source, DateOnly PublishedOn)
{
    /// <summary>Whether the row gives the quartiles of England's councils.</summary>
    public bool HasQuartiles => LowerQuartile is not null && Median is not null && UpperQuartile is not null;
}

/// <summary>
/// What an event file holds completely (coverage.csv, coverage.md): records of the days from <see cref="CoversFrom"/> to
/// <see cref="CoversTo"/>; either end left open reads as open-ended (or, for the end, the day the data was extracted).
/// </summary>
public sealed record FileCoverage(string File, DateOnly? CoversFrom, DateOnly? CoversTo);
