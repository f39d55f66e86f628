using ReportEngine.Foundation;
using System.Text.RegularExpressions;
using ReportEngine.Evidence;
using ReportEngine.Gathering.Csv;

namespace ReportEngine.Gathering.Dataset;

/// <summary>The files of data-contract.md, version 1, with each row's own checks.</summary>
internal static partial class ContractTables
{
    public static readonly TableSpec<Authority> Authority = new("authority.csv",
        ["code", "name", "council_type", "population"],
        r =>
        {
            var authority = new Authority(r.Text("code"), r.Text("name"), r.Code<CouncilType>("council_type"), r.Int("population", min: 1));
            // The code becomes part of file and folder names.
            if (authority.Code.Length > 0 && !Foundation.SafePath.IsAuthorityCode(authority.Code)) r.Error("code", Foundation.SafePath.AuthorityCodeRefusal(authority.Code));
            return authority;
        });

    public static readonly TableSpec<QualityStatementScore> Scores = new("qs_scores.csv",
        ["assessment_id", "kind", "assessed_on", "qs_code", "score", "rationale"],
        r => new QualityStatementScore(r.Text("assessment_id"), r.Code<AssessmentKind>("kind"), r.Date("assessed_on"),
            r.Code<QualityStatement>("qs_code"), Score(r), r.OptionalText("rationale")));

    public static readonly TableSpec<Finding> Findings = new("findings.csv",
        ["id", "qs_code", "category", "kind", "title", "summary", "source", "evidence_date"],
        r => new Finding(r.Text("id"), r.Code<QualityStatement>("qs_code"), r.Code<FindingCategory>("category"),
            r.Code<FindingKind>("kind"), r.Text("title"), r.OptionalText("summary"), r.OptionalText("source"), r.Date("evidence_date")));

    public static readonly TableSpec<Complaint> Complaints = new("complaints.csv",
        ["ref", "received_date", "acknowledged_date", "due_date", "responded_date", "outcome", "service_area", "themes", "qa_reviewed"],
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
        });

    public static readonly TableSpec<OmbudsmanCase> OmbudsmanCases = new("lgsco_cases.csv",
        ["lgsco_ref", "complaint_ref", "business_year", "decision_date", "decision", "satisfactory_council_remedy", "enquiry_due", "enquiry_sent"],
        r => new OmbudsmanCase(r.Text("lgsco_ref"), r.OptionalText("complaint_ref"), BusinessYear(r), r.Date("decision_date"),
            r.Code<OmbudsmanDecision>("decision"), r.Bool("satisfactory_council_remedy"), r.OptionalDate("enquiry_due"), r.OptionalDate("enquiry_sent")));

    public static readonly TableSpec<OmbudsmanBenchmark> OmbudsmanBenchmarks = new("lgsco_benchmarks.csv",
        ["business_year", "measure", "similar_avg"],
        r => new OmbudsmanBenchmark(BusinessYear(r), r.Code<OmbudsmanMeasure>("measure"), r.Decimal("similar_avg")),
        Optional: true);

    public static readonly TableSpec<StaffMember> Staff = new("staff.csv",
        ["staff_id", "team", "service_area", "job_role", "employment_type", "fte", "start_date", "end_date", "registered_social_worker"],
        r =>
        {
            var s = new StaffMember(r.Text("staff_id"), r.Text("team"), r.Text("service_area"), r.Text("job_role"),
                r.Code<EmploymentType>("employment_type"), r.Decimal("fte"), r.Date("start_date"), r.OptionalDate("end_date"),
                r.Bool("registered_social_worker"));
            if (!r.HasErrors && s.Fte is <= 0 or > 1) r.Error("fte", $"{s.Fte} is not above 0 and at most 1");
            return s;
        });

    public static readonly TableSpec<Course> Courses = new("courses.csv",
        ["code", "title", "category", "renewal_months"],
        r => new Course(r.Text("code"), r.Text("title"), r.Code<CourseCategory>("category"), r.OptionalInt("renewal_months", min: 1)));

    public static readonly TableSpec<CourseRequirement> CourseRequirements = new("course_requirements.csv",
        ["course_code", "job_role", "due_days_from_start"],
        r => new CourseRequirement(r.Text("course_code"), r.Text("job_role"), r.Int("due_days_from_start", min: 0)));

    public static readonly TableSpec<TrainingCompletion> Training = new("training.csv",
        ["staff_id", "course_code", "completed_date", "expiry_date", "hours"],
        r =>
        {
            var t = new TrainingCompletion(r.Text("staff_id"), r.Text("course_code"), r.Date("completed_date"),
                r.OptionalDate("expiry_date"), r.OptionalDecimal("hours"));
            if (!r.HasErrors && t.Hours < 0) r.Error("hours", $"{t.Hours} is negative");
            return t;
        });

    public static readonly TableSpec<Supervision> Supervisions = new("supervision.csv",
        ["staff_id", "held_date", "duration_min", "kind", "cancelled"],
        r => new Supervision(r.Text("staff_id"), r.Date("held_date"), r.Int("duration_min", min: 0),
            r.Code<SupervisionKind>("kind"), r.Bool("cancelled")));

    public static readonly TableSpec<ImprovementAction> Actions = new("actions.csv",
        ["id", "qs_code", "title", "owner", "created_on", "due_date", "completed_date", "rag"],
        r => new ImprovementAction(r.Text("id"), r.OptionalCode<QualityStatement>("qs_code"), r.Text("title"), r.Text("owner"),
            r.Date("created_on"), r.Date("due_date"), r.OptionalDate("completed_date"), r.Code<Rag>("rag")));

    public static readonly TableSpec<ComplaintLearning> ComplaintLearning = new("complaint_learning.csv",
        ["complaint_ref", "recorded_on", "learning", "action_taken"],
        r => new ComplaintLearning(r.Text("complaint_ref"), r.Date("recorded_on"), r.Text("learning"), r.OptionalText("action_taken")),
        Optional: true);

    public static readonly TableSpec<Target> Targets = new("targets.csv",
        ["metric", "target", "better", "amber_within"],
        r =>
        {
            var metric = r.Text("metric");
            if (!r.HasErrors && Metrics.MetricCatalog.WhyNotATargetKey(metric) is { } why) r.Error("metric", why);
            var amber = r.OptionalDecimal("amber_within") ?? 0;
            if (!r.HasErrors && amber < 0) r.Error("amber_within", $"{amber} is negative");
            return new Target(metric, r.Decimal("target"), r.Code<Better>("better"), amber);
        },
        Optional: true);

    public static readonly TableSpec<DateOnly> BankHolidays = new("bank_holidays.csv", ["date"], r => r.Date("date"), Optional: true);

    private static int Score(RowReader r)
    {
        var score = r.Int("score");
        if (!r.HasErrors && score is < 1 or > 4) r.Error("score", $"{score} is not from 1 to 4");
        return score;
    }

    private static string BusinessYear(RowReader r)
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
