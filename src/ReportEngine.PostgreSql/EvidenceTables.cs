using NpgsqlTypes;
using ReportEngine.Evidence;

namespace ReportEngine.PostgreSql;

/// <summary>The evidence tables of Migrations/0001_evidence.sql, mapped to and from the records of the data contract.</summary>
internal static class EvidenceTables
{
    private static EvidenceColumn<T> Text<T>(string name, Func<T, string?> value) => new(name, NpgsqlDbType.Text, value);
    private static EvidenceColumn<T> Date<T>(string name, Func<T, DateOnly?> value) => new(name, NpgsqlDbType.Date, r => value(r));
    private static EvidenceColumn<T> Int<T>(string name, Func<T, int?> value) => new(name, NpgsqlDbType.Integer, r => value(r));
    private static EvidenceColumn<T> Numeric<T>(string name, Func<T, decimal?> value) => new(name, NpgsqlDbType.Numeric, r => value(r));
    private static EvidenceColumn<T> Bool<T>(string name, Func<T, bool> value) => new(name, NpgsqlDbType.Boolean, r => value(r));
    private static EvidenceColumn<T> Code<T, TEnum>(string name, Func<T, TEnum?> value) where TEnum : struct, Enum =>
        new(name, NpgsqlDbType.Text, r => value(r) is { } v ? CodeNames.ToCode(v) : null);

    public static readonly EvidenceTable<QualityStatementScore> Scores = new("qs_scores",
        [Text<QualityStatementScore>("assessment_id", s => s.AssessmentId), Code<QualityStatementScore, AssessmentKind>("kind", s => s.Kind),
         Date<QualityStatementScore>("assessed_on", s => s.AssessedOn), Code<QualityStatementScore, QualityStatement>("qs_code", s => s.Statement),
         Int<QualityStatementScore>("score", s => s.Score), Text<QualityStatementScore>("rationale", s => s.Rationale)],
        r => new QualityStatementScore(r.GetString(0), r.Code<AssessmentKind>(1), r.GetFieldValue<DateOnly>(2), r.Code<QualityStatement>(3),
            r.GetInt32(4), r.NullableText(5)));

    public static readonly EvidenceTable<Finding> Findings = new("findings",
        [Text<Finding>("id", f => f.Id), Code<Finding, QualityStatement>("qs_code", f => f.Statement), Code<Finding, FindingCategory>("category", f => f.Category),
         Code<Finding, FindingKind>("kind", f => f.Kind), Text<Finding>("title", f => f.Title), Text<Finding>("summary", f => f.Summary),
         Text<Finding>("source", f => f.Source), Date<Finding>("evidence_date", f => f.EvidenceDate)],
        r => new Finding(r.GetString(0), r.Code<QualityStatement>(1), r.Code<FindingCategory>(2), r.Code<FindingKind>(3), r.GetString(4),
            r.NullableText(5), r.NullableText(6), r.GetFieldValue<DateOnly>(7)));

    public static readonly EvidenceTable<Complaint> Complaints = new("complaints",
        [Text<Complaint>("ref", c => c.Ref), Date<Complaint>("received_date", c => c.ReceivedDate), Date<Complaint>("acknowledged_date", c => c.AcknowledgedDate),
         Date<Complaint>("due_date", c => c.DueDate), Date<Complaint>("responded_date", c => c.RespondedDate),
         Code<Complaint, ComplaintOutcome>("outcome", c => c.Outcome), Text<Complaint>("service_area", c => c.ServiceArea),
         new("themes", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Themes.ToArray()), Bool<Complaint>("qa_reviewed", c => c.QaReviewed)],
        r => new Complaint(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.Nullable<DateOnly>(2), r.GetFieldValue<DateOnly>(3), r.Nullable<DateOnly>(4),
            r.NullableCode<ComplaintOutcome>(5), r.GetString(6), r.GetFieldValue<string[]>(7), r.GetBoolean(8)));

    public static readonly EvidenceTable<OmbudsmanCase> OmbudsmanCases = new("lgsco_cases",
        [Text<OmbudsmanCase>("lgsco_ref", c => c.LgscoRef), Text<OmbudsmanCase>("complaint_ref", c => c.ComplaintRef),
         Text<OmbudsmanCase>("business_year", c => c.BusinessYear), Date<OmbudsmanCase>("decision_date", c => c.DecisionDate),
         Code<OmbudsmanCase, OmbudsmanDecision>("decision", c => c.Decision), Bool<OmbudsmanCase>("satisfactory_council_remedy", c => c.SatisfactoryCouncilRemedy),
         Date<OmbudsmanCase>("enquiry_due", c => c.EnquiryDue), Date<OmbudsmanCase>("enquiry_sent", c => c.EnquirySent)],
        r => new OmbudsmanCase(r.GetString(0), r.NullableText(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.Code<OmbudsmanDecision>(4),
            r.GetBoolean(5), r.Nullable<DateOnly>(6), r.Nullable<DateOnly>(7)));

    public static readonly EvidenceTable<OmbudsmanBenchmark> OmbudsmanBenchmarks = new("lgsco_benchmarks",
        [Text<OmbudsmanBenchmark>("business_year", b => b.BusinessYear), Code<OmbudsmanBenchmark, OmbudsmanMeasure>("measure", b => b.Measure),
         Numeric<OmbudsmanBenchmark>("similar_avg", b => b.SimilarAverage)],
        r => new OmbudsmanBenchmark(r.GetString(0), r.Code<OmbudsmanMeasure>(1), r.GetDecimal(2)));

    public static readonly EvidenceTable<StaffMember> Staff = new("staff",
        [Text<StaffMember>("staff_id", s => s.StaffId), Text<StaffMember>("team", s => s.Team), Text<StaffMember>("service_area", s => s.ServiceArea),
         Text<StaffMember>("job_role", s => s.JobRole), Code<StaffMember, EmploymentType>("employment_type", s => s.EmploymentType),
         Numeric<StaffMember>("fte", s => s.Fte), Date<StaffMember>("start_date", s => s.StartDate), Date<StaffMember>("end_date", s => s.EndDate),
         Bool<StaffMember>("registered_social_worker", s => s.RegisteredSocialWorker)],
        r => new StaffMember(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.Code<EmploymentType>(4), r.GetDecimal(5),
            r.GetFieldValue<DateOnly>(6), r.Nullable<DateOnly>(7), r.GetBoolean(8)));

    public static readonly EvidenceTable<Course> Courses = new("courses",
        [Text<Course>("code", c => c.Code), Text<Course>("title", c => c.Title), Code<Course, CourseCategory>("category", c => c.Category),
         Int<Course>("renewal_months", c => c.RenewalMonths)],
        r => new Course(r.GetString(0), r.GetString(1), r.Code<CourseCategory>(2), r.Nullable<int>(3)));

    public static readonly EvidenceTable<CourseRequirement> CourseRequirements = new("course_requirements",
        [Text<CourseRequirement>("course_code", c => c.CourseCode), Text<CourseRequirement>("job_role", c => c.JobRole),
         Int<CourseRequirement>("due_days_from_start", c => c.DueDaysFromStart)],
        r => new CourseRequirement(r.GetString(0), r.GetString(1), r.GetInt32(2)));

    public static readonly EvidenceTable<TrainingCompletion> Training = new("training",
        [Text<TrainingCompletion>("staff_id", t => t.StaffId), Text<TrainingCompletion>("course_code", t => t.CourseCode),
         Date<TrainingCompletion>("completed_date", t => t.CompletedDate), Date<TrainingCompletion>("expiry_date", t => t.ExpiryDate),
         Numeric<TrainingCompletion>("hours", t => t.Hours)],
        r => new TrainingCompletion(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.Nullable<DateOnly>(3), r.Nullable<decimal>(4)));

    public static readonly EvidenceTable<Supervision> Supervisions = new("supervision",
        [Text<Supervision>("staff_id", s => s.StaffId), Date<Supervision>("held_date", s => s.HeldDate), Int<Supervision>("duration_min", s => s.DurationMinutes),
         Code<Supervision, SupervisionKind>("kind", s => s.Kind), Bool<Supervision>("cancelled", s => s.Cancelled)],
        r => new Supervision(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.Code<SupervisionKind>(3), r.GetBoolean(4)));

    public static readonly EvidenceTable<ImprovementAction> Actions = new("actions",
        [Text<ImprovementAction>("id", a => a.Id), Code<ImprovementAction, QualityStatement>("qs_code", a => a.Statement),
         Text<ImprovementAction>("title", a => a.Title), Text<ImprovementAction>("owner", a => a.Owner), Date<ImprovementAction>("created_on", a => a.CreatedOn),
         Date<ImprovementAction>("due_date", a => a.DueDate), Date<ImprovementAction>("completed_date", a => a.CompletedDate), Code<ImprovementAction, Rag>("rag", a => a.Rag)],
        r => new ImprovementAction(r.GetString(0), r.NullableCode<QualityStatement>(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4),
            r.GetFieldValue<DateOnly>(5), r.Nullable<DateOnly>(6), r.Code<Rag>(7)));

    public static readonly EvidenceTable<DateOnly> BankHolidays = new("bank_holidays",
        [Date<DateOnly>("date", d => d)], r => r.GetFieldValue<DateOnly>(0));

    public static readonly EvidenceTable<ComplaintLearning> ComplaintLearning = new("complaint_learning",
        [Text<ComplaintLearning>("complaint_ref", l => l.ComplaintRef), Date<ComplaintLearning>("recorded_on", l => l.RecordedOn),
         Text<ComplaintLearning>("learning", l => l.Learning), Text<ComplaintLearning>("action_taken", l => l.ActionTaken)],
        r => new ComplaintLearning(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.NullableText(3)));

    public static readonly EvidenceTable<Target> Targets = new("targets",
        [Text<Target>("metric", t => t.Metric), Numeric<Target>("target", t => t.Value), Code<Target, Better>("better", t => t.Better),
         Numeric<Target>("amber_within", t => t.AmberWithin)],
        r => new Target(r.GetString(0), r.GetDecimal(1), r.Code<Better>(2), r.GetDecimal(3)));

    public static readonly EvidenceTable<Wait> Waits = new("waits",
        [Text<Wait>("id", w => w.Id), Text<Wait>("person_id", w => w.PersonId), Code<Wait, WaitKind>("kind", w => w.Kind),
         Date<Wait>("requested_on", w => w.RequestedOn), Date<Wait>("started_on", w => w.StartedOn), Date<Wait>("closed_on", w => w.ClosedOn),
         Code<Wait, WaitCloseReason>("close_reason", w => w.CloseReason)],
        r => new Wait(r.GetString(0), r.GetString(1), r.Code<WaitKind>(2), r.GetFieldValue<DateOnly>(3), r.Nullable<DateOnly>(4),
            r.Nullable<DateOnly>(5), r.NullableCode<WaitCloseReason>(6)));

    public static readonly EvidenceTable<SupportEpisode> LongTermSupport = new("long_term_support",
        [Text<SupportEpisode>("person_id", e => e.PersonId), Code<SupportEpisode, SupportSetting>("setting", e => e.Setting),
         Date<SupportEpisode>("start_date", e => e.StartDate), Date<SupportEpisode>("end_date", e => e.EndDate)],
        r => new SupportEpisode(r.GetString(0), r.Code<SupportSetting>(1), r.GetFieldValue<DateOnly>(2), r.Nullable<DateOnly>(3)));

    public static readonly EvidenceTable<SupportReview> Reviews = new("reviews",
        [Text<SupportReview>("person_id", v => v.PersonId), Date<SupportReview>("completed_on", v => v.CompletedOn), Bool<SupportReview>("planned", v => v.Planned)],
        r => new SupportReview(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetBoolean(2)));

    public static readonly EvidenceTable<SafeguardingConcern> Concerns = new("safeguarding_concerns",
        [Text<SafeguardingConcern>("id", c => c.Id), Text<SafeguardingConcern>("person_id", c => c.PersonId),
         Date<SafeguardingConcern>("received_on", c => c.ReceivedOn), Date<SafeguardingConcern>("decided_on", c => c.DecidedOn),
         Code<SafeguardingConcern, ConcernDecision>("decision", c => c.Decision)],
        r => new SafeguardingConcern(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.Nullable<DateOnly>(3), r.NullableCode<ConcernDecision>(4)));

    public static readonly EvidenceTable<SafeguardingEnquiry> Enquiries = new("safeguarding_enquiries",
        [Text<SafeguardingEnquiry>("id", e => e.Id), Text<SafeguardingEnquiry>("concern_id", e => e.ConcernId),
         Date<SafeguardingEnquiry>("started_on", e => e.StartedOn), Date<SafeguardingEnquiry>("concluded_on", e => e.ConcludedOn),
         Code<SafeguardingEnquiry, OutcomesAsked>("outcomes_asked", e => e.OutcomesAsked),
         Code<SafeguardingEnquiry, OutcomesAchieved>("outcomes_achieved", e => e.OutcomesAchieved),
         Code<SafeguardingEnquiry, EnquiryRisk>("risk", e => e.Risk), new("action_taken", NpgsqlDbType.Boolean, e => e.ActionTaken),
         Code<SafeguardingEnquiry, RiskOutcome>("risk_outcome", e => e.RiskOutcome)],
        r => new SafeguardingEnquiry(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.Nullable<DateOnly>(3),
            r.NullableCode<OutcomesAsked>(4), r.NullableCode<OutcomesAchieved>(5), r.NullableCode<EnquiryRisk>(6), r.Nullable<bool>(7),
            r.NullableCode<RiskOutcome>(8)));

    public static readonly EvidenceTable<DolsApplication> Dols = new("dols_applications",
        [Text<DolsApplication>("id", d => d.Id), Text<DolsApplication>("person_id", d => d.PersonId), Date<DolsApplication>("received_on", d => d.ReceivedOn),
         Bool<DolsApplication>("urgent", d => d.Urgent), Date<DolsApplication>("signed_off_on", d => d.SignedOffOn),
         Code<DolsApplication, DolsOutcome>("outcome", d => d.Outcome)],
        r => new DolsApplication(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetBoolean(3), r.Nullable<DateOnly>(4),
            r.NullableCode<DolsOutcome>(5)));

    /// <summary>Child tables first, so deletes never break a reference.</summary>
    public static IEnumerable<string> Names =>
        [Scores.Name, Findings.Name, Complaints.Name, OmbudsmanCases.Name, OmbudsmanBenchmarks.Name, Staff.Name, Courses.Name,
         CourseRequirements.Name, Training.Name, Supervisions.Name, Actions.Name, BankHolidays.Name, ComplaintLearning.Name, Targets.Name,
         Waits.Name, LongTermSupport.Name, Reviews.Name, Concerns.Name, Enquiries.Name, Dols.Name];
}
