using ReportEngine.Foundation;
using System.Text.RegularExpressions;
using ReportEngine.Evidence;
using ReportEngine.Gathering.Csv;

using static ReportEngine.Gathering.Dataset.Declare;

namespace ReportEngine.Gathering.Dataset;

/// <summary>The files of data-contract.md, version 1, each declared once (<see cref="DatasetFile"/>): columns, row checks, table and slot.</summary>
internal static partial class ContractTables
{
    public static readonly DatasetFile<Authority> Authority = new("authority.csv", null,
        [C<Authority>("code", a => a.Code), C<Authority>("name", a => a.Name), C<Authority>("council_type", a => a.CouncilType),
         C<Authority>("population", a => a.Population),
         C<Authority>("extracted_on", a => a.ExtractedOn, optional: true), C<Authority>("adult_population", a => a.AdultPopulation, optional: true),
         C<Authority>("complaints_contact", a => a.ComplaintsContact, optional: true)],
        r =>
        {
            var authority = new Authority(r.Text("code"), r.Text("name"), r.Code<CouncilType>("council_type"), r.Int("population", min: 1),
                r.OptionalDate("extracted_on"), r.OptionalInt("adult_population", min: 1), r.OptionalText("complaints_contact"));
            if (authority.AdultPopulation > authority.Population && !r.HasErrors)
                r.Error("adult_population", $"{authority.AdultPopulation} is more than population {authority.Population}");
            // The code becomes part of file and folder names.
            if (authority.Code.Length > 0 && !Foundation.SafePath.IsAuthorityCode(authority.Code)) r.Error("code", Foundation.SafePath.AuthorityCodeRefusal(authority.Code));
            return authority;
        },
        Slot<Authority>(e => [e.Authority], (p, rows) => p.Authority = rows?[0]));

    public static readonly DatasetFile<QualityStatementScore> Scores = new("qs_scores.csv", "qs_scores",
        [C<QualityStatementScore>("assessment_id", s => s.AssessmentId), C<QualityStatementScore>("kind", s => s.Kind),
         C<QualityStatementScore>("assessed_on", s => s.AssessedOn), C<QualityStatementScore>("qs_code", s => s.Statement),
         C<QualityStatementScore>("score", s => s.Score), C<QualityStatementScore>("rationale", s => s.Rationale)],
        r => new QualityStatementScore(r.Text("assessment_id"), r.Code<AssessmentKind>("kind"), r.Date("assessed_on"),
            r.Code<QualityStatement>("qs_code"), Score(r), r.OptionalText("rationale")),
        Slot<QualityStatementScore>(e => e.Scores, (p, rows) => p.Scores = rows));

    public static readonly DatasetFile<Finding> Findings = new("findings.csv", "findings",
        [C<Finding>("id", f => f.Id), C<Finding>("qs_code", f => f.Statement), C<Finding>("category", f => f.Category),
         C<Finding>("kind", f => f.Kind), C<Finding>("title", f => f.Title), C<Finding>("summary", f => f.Summary),
         C<Finding>("source", f => f.Source), C<Finding>("evidence_date", f => f.EvidenceDate)],
        r => new Finding(r.Text("id"), r.Code<QualityStatement>("qs_code"), r.Code<FindingCategory>("category"),
            r.Code<FindingKind>("kind"), r.Text("title"), r.OptionalText("summary"), r.OptionalText("source"), r.Date("evidence_date")),
        Slot<Finding>(e => e.Findings, (p, rows) => p.Findings = rows));

    public static readonly DatasetFile<Complaint> Complaints = new("complaints.csv", "complaints",
        [C<Complaint>("ref", c => c.Ref), C<Complaint>("received_date", c => c.ReceivedDate),
         C<Complaint>("acknowledged_date", c => c.AcknowledgedDate), C<Complaint>("due_date", c => c.DueDate),
         C<Complaint>("responded_date", c => c.RespondedDate), C<Complaint>("outcome", c => c.Outcome),
         C<Complaint>("service_area", c => c.ServiceArea), C<Complaint>("themes", c => c.Themes.ToArray()),
         C<Complaint>("qa_reviewed", c => c.QaReviewed)],
        r =>
        {
            var c = new Complaint(r.Text("ref"), r.Date("received_date"), r.OptionalDate("acknowledged_date"), r.Date("due_date"),
                r.OptionalDate("responded_date"), r.OptionalCode<ComplaintOutcome>("outcome"), r.Text("service_area"),
                r.CodeList("themes"), r.Bool("qa_reviewed"));
            if (r.HasErrors) return c;
            if (c.AcknowledgedDate < c.ReceivedDate) r.Error("acknowledged_date", "is before received_date");
            if (c.RespondedDate < c.ReceivedDate) r.Error("responded_date", "is before received_date");
            if (c.RespondedDate is null && c.Outcome is not null) r.Error("outcome", "is set but responded_date is empty");
            if (c.RespondedDate is not null && c.Outcome is null) r.Error("outcome", "is empty but responded_date is set");
            return c;
        },
        Slot<Complaint>(e => e.Complaints, (p, rows) => p.Complaints = rows));

    public static readonly DatasetFile<OmbudsmanCase> OmbudsmanCases = new("lgsco_cases.csv", "lgsco_cases",
        [C<OmbudsmanCase>("lgsco_ref", c => c.LgscoRef), C<OmbudsmanCase>("complaint_ref", c => c.ComplaintRef),
         C<OmbudsmanCase>("business_year", c => c.BusinessYear), C<OmbudsmanCase>("decision_date", c => c.DecisionDate),
         C<OmbudsmanCase>("decision", c => c.Decision), C<OmbudsmanCase>("satisfactory_council_remedy", c => c.SatisfactoryCouncilRemedy),
         C<OmbudsmanCase>("enquiry_due", c => c.EnquiryDue), C<OmbudsmanCase>("enquiry_sent", c => c.EnquirySent)],
        r => new OmbudsmanCase(r.Text("lgsco_ref"), r.OptionalText("complaint_ref"), BusinessYear(r), r.Date("decision_date"),
            r.Code<OmbudsmanDecision>("decision"), r.Bool("satisfactory_council_remedy"), r.OptionalDate("enquiry_due"), r.OptionalDate("enquiry_sent")),
        Slot<OmbudsmanCase>(e => e.OmbudsmanCases, (p, rows) => p.OmbudsmanCases = rows));

    public static readonly DatasetFile<OmbudsmanBenchmark> OmbudsmanBenchmarks = new("lgsco_benchmarks.csv", "lgsco_benchmarks",
        [C<OmbudsmanBenchmark>("business_year", b => b.BusinessYear), C<OmbudsmanBenchmark>("measure", b => b.Measure),
         C<OmbudsmanBenchmark>("similar_avg", b => b.SimilarAverage)],
        r => new OmbudsmanBenchmark(BusinessYear(r), r.Code<OmbudsmanMeasure>("measure"), r.Decimal("similar_avg")),
        Slot<OmbudsmanBenchmark>(e => e.OmbudsmanBenchmarks, (p, rows) => p.OmbudsmanBenchmarks = rows), FileNeed.OptionalEmptyWhenAbsent);

    public static readonly DatasetFile<StaffMember> Staff = new("staff.csv", "staff",
        [C<StaffMember>("staff_id", s => s.StaffId), C<StaffMember>("team", s => s.Team), C<StaffMember>("service_area", s => s.ServiceArea),
         C<StaffMember>("job_role", s => s.JobRole), C<StaffMember>("employment_type", s => s.EmploymentType), C<StaffMember>("fte", s => s.Fte),
         C<StaffMember>("start_date", s => s.StartDate), C<StaffMember>("end_date", s => s.EndDate),
         C<StaffMember>("registered_social_worker", s => s.RegisteredSocialWorker)],
        r =>
        {
            var s = new StaffMember(r.Text("staff_id"), r.Text("team"), r.Text("service_area"), r.Text("job_role"),
                r.Code<EmploymentType>("employment_type"), r.Decimal("fte"), r.Date("start_date"), r.OptionalDate("end_date"),
                r.Bool("registered_social_worker"));
            if (!r.HasErrors && s.Fte is <= 0 or > 1) r.Error("fte", $"{s.Fte} is not above 0 and at most 1");
            return s;
        },
        Slot<StaffMember>(e => e.Staff, (p, rows) => p.Staff = rows));

    public static readonly DatasetFile<Course> Courses = new("courses.csv", "courses",
        [C<Course>("code", c => c.Code), C<Course>("title", c => c.Title), C<Course>("category", c => c.Category),
         C<Course>("renewal_months", c => c.RenewalMonths)],
        r => new Course(r.Text("code"), r.Text("title"), r.Code<CourseCategory>("category"), r.OptionalInt("renewal_months", min: 1)),
        Slot<Course>(e => e.Courses, (p, rows) => p.Courses = rows));

    public static readonly DatasetFile<CourseRequirement> CourseRequirements = new("course_requirements.csv", "course_requirements",
        [C<CourseRequirement>("course_code", c => c.CourseCode), C<CourseRequirement>("job_role", c => c.JobRole),
         C<CourseRequirement>("due_days_from_start", c => c.DueDaysFromStart)],
        r => new CourseRequirement(r.Text("course_code"), r.Text("job_role"), r.Int("due_days_from_start", min: 0)),
        Slot<CourseRequirement>(e => e.CourseRequirements, (p, rows) => p.CourseRequirements = rows));

    public static readonly DatasetFile<TrainingCompletion> Training = new("training.csv", "training",
        [C<TrainingCompletion>("staff_id", t => t.StaffId), C<TrainingCompletion>("course_code", t => t.CourseCode),
         C<TrainingCompletion>("completed_date", t => t.CompletedDate), C<TrainingCompletion>("expiry_date", t => t.ExpiryDate),
         C<TrainingCompletion>("hours", t => t.Hours)],
        r =>
        {
            var t = new TrainingCompletion(r.Text("staff_id"), r.Text("course_code"), r.Date("completed_date"),
                r.OptionalDate("expiry_date"), r.OptionalDecimal("hours"));
            if (!r.HasErrors && t.Hours < 0) r.Error("hours", $"{t.Hours} is negative");
            return t;
        },
        Slot<TrainingCompletion>(e => e.Training, (p, rows) => p.Training = rows));

    public static readonly DatasetFile<Supervision> Supervisions = new("supervision.csv", "supervision",
        [C<Supervision>("staff_id", s => s.StaffId), C<Supervision>("held_date", s => s.HeldDate),
         C<Supervision>("duration_min", s => s.DurationMinutes), C<Supervision>("kind", s => s.Kind), C<Supervision>("cancelled", s => s.Cancelled)],
        r => new Supervision(r.Text("staff_id"), r.Date("held_date"), r.Int("duration_min", min: 0),
            r.Code<SupervisionKind>("kind"), r.Bool("cancelled")),
        Slot<Supervision>(e => e.Supervisions, (p, rows) => p.Supervisions = rows));

    public static readonly DatasetFile<ImprovementAction> Actions = new("actions.csv", "actions",
        [C<ImprovementAction>("id", a => a.Id), C<ImprovementAction>("qs_code", a => a.Statement), C<ImprovementAction>("title", a => a.Title),
         C<ImprovementAction>("owner", a => a.Owner), C<ImprovementAction>("created_on", a => a.CreatedOn),
         C<ImprovementAction>("due_date", a => a.DueDate), C<ImprovementAction>("completed_date", a => a.CompletedDate),
         C<ImprovementAction>("rag", a => a.Rag)],
        r => new ImprovementAction(r.Text("id"), r.OptionalCode<QualityStatement>("qs_code"), r.Text("title"), r.Text("owner"),
            r.Date("created_on"), r.Date("due_date"), r.OptionalDate("completed_date"), r.Code<Rag>("rag")),
        Slot<ImprovementAction>(e => e.Actions, (p, rows) => p.Actions = rows));

    public static readonly DatasetFile<ComplaintLearning> ComplaintLearning = new("complaint_learning.csv", "complaint_learning",
        [C<ComplaintLearning>("complaint_ref", l => l.ComplaintRef), C<ComplaintLearning>("recorded_on", l => l.RecordedOn),
         C<ComplaintLearning>("learning", l => l.Learning), C<ComplaintLearning>("action_taken", l => l.ActionTaken)],
        r => new ComplaintLearning(r.Text("complaint_ref"), r.Date("recorded_on"), r.Text("learning"), r.OptionalText("action_taken")),
        Slot<ComplaintLearning>(e => e.ComplaintLearning, (p, rows) => p.ComplaintLearning = rows), FileNeed.Optional);

    public static readonly DatasetFile<Target> Targets = new("targets.csv", "targets",
        [C<Target>("metric", t => t.Metric), C<Target>("target", t => t.Value), C<Target>("better", t => t.Better),
         C<Target>("amber_within", t => t.AmberWithin)],
        r =>
        {
            var metric = r.Text("metric");
            if (!r.HasErrors && Metrics.MetricCatalog.WhyNotATargetKey(metric) is { } why) r.Error("metric", why);
            var amber = r.OptionalDecimal("amber_within") ?? 0;
            if (!r.HasErrors && amber < 0) r.Error("amber_within", $"{amber} is negative");
            return new Target(metric, r.Decimal("target"), r.Code<Better>("better"), amber);
        },
        Slot<Target>(e => e.Targets, (p, rows) => p.Targets = rows), FileNeed.Optional);

    /// <summary>benchmarks.md: published figures to compare with; (metric, area, period) is unique (checked across rows).</summary>
    public static readonly DatasetFile<Benchmark> Benchmarks = new("benchmarks.csv", "benchmarks",
        [C<Benchmark>("metric", b => b.Metric), C<Benchmark>("area", b => b.Area), C<Benchmark>("area_name", b => b.AreaName),
         C<Benchmark>("period", b => b.Period), C<Benchmark>("value", b => b.Value),
         C<Benchmark>("lower_quartile", b => b.LowerQuartile, optional: true), C<Benchmark>("median", b => b.Median, optional: true),
         C<Benchmark>("upper_quartile", b => b.UpperQuartile, optional: true), C<Benchmark>("source", b => b.Source),
         C<Benchmark>("published_on", b => b.PublishedOn)],
        r =>
        {
            var metric = r.Text("metric");
            if (!r.HasErrors && Metrics.MetricCatalog.WhyNotATargetKey(metric) is { } why) r.Error("metric", why);
            var area = r.Code<BenchmarkArea>("area");
            var period = r.Text("period");
            if (period.Length > 0 && Metrics.BenchmarkChoice.EndOf(period) is null)
                r.Error("period", $"'{period}' is neither a month (YYYY-MM) nor a business year (YYYY-YY)");
            var (lower, median, upper) = (r.OptionalDecimal("lower_quartile"), r.OptionalDecimal("median"), r.OptionalDecimal("upper_quartile"));
            var given = new[] { lower, median, upper }.Count(q => q is not null);
            if (given is 1 or 2) r.Error(lower is null ? "lower_quartile" : median is null ? "median" : "upper_quartile",
                "lower_quartile, median and upper_quartile are given together or not at all");
            else if (given == 3 && area != BenchmarkArea.England && !r.HasErrors) r.Error("lower_quartile", "quartiles are given only for ENGLAND");
            else if (given == 3 && median < lower) r.Error("median", $"{median} is below lower_quartile {lower}");
            else if (given == 3 && upper < median) r.Error("upper_quartile", $"{upper} is below median {median}");
            return new Benchmark(metric, area, r.Text("area_name"), period, r.Decimal("value"), lower, median, upper, r.Text("source"), r.Date("published_on"));
        },
        Slot<Benchmark>(e => e.Benchmarks, (p, rows) => p.Benchmarks = rows), FileNeed.Optional);

    public static readonly DatasetFile<DateOnly> BankHolidays = new("bank_holidays.csv", "bank_holidays",
        [C<DateOnly>("date", d => d)], r => r.Date("date"),
        Slot<DateOnly>(e => e.BankHolidays.DatasetDates, (p, rows) => p.BankHolidays = rows), FileNeed.Optional);

    private static int Score(IRowValues r)
    {
        var score = r.Int("score");
        if (!r.HasErrors && score is < 1 or > 4) r.Error("score", $"{score} is not from 1 to 4");
        return score;
    }

    private static string BusinessYear(IRowValues r)
    {
        var year = r.Text("business_year");
        if (year.Length == 0) return year;
        var m = BusinessYearPattern().Match(year);
        if (!m.Success || (int.Parse(m.Groups[1].Value) + 1) % 100 != int.Parse(m.Groups[2].Value))
            r.Error("business_year", $"'{year}' is not a business year like 2022-23");
        return year;
    }

    [GeneratedRegex(@"^[0-9][0-9]([0-9][0-9])-([0-9][0-9])$")]
    private static partial Regex BusinessYearPattern();
}
