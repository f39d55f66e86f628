using ReportEngine.Evidence;
using ReportEngine.Gathering.Csv;

using static ReportEngine.Gathering.Dataset.Declare;

namespace ReportEngine.Gathering.Dataset;

/// <summary>The six optional files of operations.md, with each row's own checks; checks across rows are in <see cref="CareActChecks"/>.</summary>
internal static class CareActTables
{
    public static readonly DatasetFile<Wait> Waits = new(CareActEvidence.WaitsFile, "waits",
        [C<Wait>("id", w => w.Id), C<Wait>("person_id", w => w.PersonId), C<Wait>("kind", w => w.Kind), C<Wait>("requested_on", w => w.RequestedOn),
         C<Wait>("started_on", w => w.StartedOn), C<Wait>("closed_on", w => w.ClosedOn), C<Wait>("close_reason", w => w.CloseReason)],
        r =>
        {
            var w = new Wait(r.Text("id"), r.Text("person_id"), r.Code<WaitKind>("kind"), r.Date("requested_on"), r.OptionalDate("started_on"),
                r.OptionalDate("closed_on"), r.OptionalCode<WaitCloseReason>("close_reason"));
            if (r.HasErrors) return w;
            if (w.StartedOn < w.RequestedOn) r.Error("started_on", "is before requested_on");
            if (w.ClosedOn < (w.StartedOn ?? w.RequestedOn)) r.Error("closed_on", w.StartedOn is null ? "is before requested_on" : "is before started_on");
            SetExactlyWhen(r, "close_reason", w.CloseReason is not null, "closed_on", w.ClosedOn is not null);
            if (w.CloseReason == WaitCloseReason.Completed && w.StartedOn is null) r.Error("close_reason", "is COMPLETED but started_on is empty");
            return w;
        },
        Slot<Wait>(e => e.CareAct?.Waits, (p, rows) => p.CareAct = p.CareAct with { Waits = rows }), FileNeed.Optional);

    public static readonly DatasetFile<SupportEpisode> LongTermSupport = new(CareActEvidence.LongTermSupportFile, "long_term_support",
        [C<SupportEpisode>("person_id", e => e.PersonId), C<SupportEpisode>("setting", e => e.Setting),
         C<SupportEpisode>("start_date", e => e.StartDate), C<SupportEpisode>("end_date", e => e.EndDate)],
        r =>
        {
            var e = new SupportEpisode(r.Text("person_id"), r.Code<SupportSetting>("setting"), r.Date("start_date"), r.OptionalDate("end_date"));
            if (!r.HasErrors && e.EndDate < e.StartDate) r.Error("end_date", "is before start_date");
            return e;
        },
        Slot<SupportEpisode>(e => e.CareAct?.LongTermSupport, (p, rows) => p.CareAct = p.CareAct with { LongTermSupport = rows }), FileNeed.Optional);

    public static readonly DatasetFile<SupportReview> Reviews = new(CareActEvidence.ReviewsFile, "reviews",
        [C<SupportReview>("person_id", v => v.PersonId), C<SupportReview>("completed_on", v => v.CompletedOn),
         C<SupportReview>("planned", v => v.Planned)],
        r => new SupportReview(r.Text("person_id"), r.Date("completed_on"), r.Bool("planned")),
        Slot<SupportReview>(e => e.CareAct?.Reviews, (p, rows) => p.CareAct = p.CareAct with { Reviews = rows }), FileNeed.Optional);

    public static readonly DatasetFile<SafeguardingConcern> Concerns = new(CareActEvidence.ConcernsFile, "safeguarding_concerns",
        [C<SafeguardingConcern>("id", c => c.Id), C<SafeguardingConcern>("person_id", c => c.PersonId),
         C<SafeguardingConcern>("received_on", c => c.ReceivedOn), C<SafeguardingConcern>("decided_on", c => c.DecidedOn),
         C<SafeguardingConcern>("decision", c => c.Decision)],
        r =>
        {
            var c = new SafeguardingConcern(r.Text("id"), r.Text("person_id"), r.Date("received_on"), r.OptionalDate("decided_on"),
                r.OptionalCode<ConcernDecision>("decision"));
            if (r.HasErrors) return c;
            if (c.DecidedOn < c.ReceivedOn) r.Error("decided_on", "is before received_on");
            SetExactlyWhen(r, "decision", c.Decision is not null, "decided_on", c.DecidedOn is not null);
            return c;
        },
        Slot<SafeguardingConcern>(e => e.CareAct?.Concerns, (p, rows) => p.CareAct = p.CareAct with { Concerns = rows }), FileNeed.Optional);

    public static readonly DatasetFile<SafeguardingEnquiry> Enquiries = new(CareActEvidence.EnquiriesFile, "safeguarding_enquiries",
        [C<SafeguardingEnquiry>("id", e => e.Id), C<SafeguardingEnquiry>("concern_id", e => e.ConcernId),
         C<SafeguardingEnquiry>("started_on", e => e.StartedOn), C<SafeguardingEnquiry>("concluded_on", e => e.ConcludedOn),
         C<SafeguardingEnquiry>("outcomes_asked", e => e.OutcomesAsked), C<SafeguardingEnquiry>("outcomes_achieved", e => e.OutcomesAchieved),
         C<SafeguardingEnquiry>("risk", e => e.Risk), C<SafeguardingEnquiry>("action_taken", e => e.ActionTaken),
         C<SafeguardingEnquiry>("risk_outcome", e => e.RiskOutcome)],
        r =>
        {
            var e = new SafeguardingEnquiry(r.Text("id"), r.Text("concern_id"), r.Date("started_on"), r.OptionalDate("concluded_on"),
                r.OptionalCode<OutcomesAsked>("outcomes_asked"), r.OptionalCode<OutcomesAchieved>("outcomes_achieved"),
                r.OptionalCode<EnquiryRisk>("risk"), r.OptionalBool("action_taken"), r.OptionalCode<RiskOutcome>("risk_outcome"));
            if (r.HasErrors) return e;
            var concluded = e.ConcludedOn is not null;
            if (e.ConcludedOn < e.StartedOn) r.Error("concluded_on", "is before started_on");
            SetExactlyWhen(r, "outcomes_asked", e.OutcomesAsked is not null, "concluded_on", concluded);
            SetExactlyWhen(r, "risk", e.Risk is not null, "concluded_on", concluded);
            if (e.ActionTaken is null && concluded) r.Error("action_taken", "is empty but concluded_on is set");
            if (e.ActionTaken is not null && !concluded) r.Error("action_taken", "is set but the enquiry is open (concluded_on is empty)");
            var expressed = e.OutcomesAsked == Evidence.OutcomesAsked.AskedExpressed;
            if (e.OutcomesAchieved is null && expressed) r.Error("outcomes_achieved", "is empty but outcomes_asked is ASKED_EXPRESSED");
            if (e.OutcomesAchieved is not null && !expressed) r.Error("outcomes_achieved", "is set but outcomes_asked is not ASKED_EXPRESSED");
            var acted = e.Risk == EnquiryRisk.Identified && e.ActionTaken == true;
            if (e.RiskOutcome is null && acted) r.Error("risk_outcome", "is empty but risk is IDENTIFIED and action_taken is true");
            if (e.RiskOutcome is not null && !acted) r.Error("risk_outcome", "is set but risk is not IDENTIFIED with action_taken true");
            return e;
        },
        Slot<SafeguardingEnquiry>(e => e.CareAct?.Enquiries, (p, rows) => p.CareAct = p.CareAct with { Enquiries = rows }), FileNeed.Optional);

    public static readonly DatasetFile<DolsApplication> Dols = new(CareActEvidence.DolsFile, "dols_applications",
        [C<DolsApplication>("id", d => d.Id), C<DolsApplication>("person_id", d => d.PersonId), C<DolsApplication>("received_on", d => d.ReceivedOn),
         C<DolsApplication>("urgent", d => d.Urgent), C<DolsApplication>("signed_off_on", d => d.SignedOffOn),
         C<DolsApplication>("outcome", d => d.Outcome)],
        r =>
        {
            var d = new DolsApplication(r.Text("id"), r.Text("person_id"), r.Date("received_on"), r.Bool("urgent"), r.OptionalDate("signed_off_on"),
                r.OptionalCode<DolsOutcome>("outcome"));
            if (r.HasErrors) return d;
            if (d.SignedOffOn < d.ReceivedOn) r.Error("signed_off_on", "is before received_on");
            SetExactlyWhen(r, "outcome", d.Outcome is not null, "signed_off_on", d.SignedOffOn is not null);
            return d;
        },
        Slot<DolsApplication>(e => e.CareAct?.Dols, (p, rows) => p.CareAct = p.CareAct with { Dols = rows }), FileNeed.Optional);

    /// <summary>operations.md's "set exactly when": <paramref name="column"/> is filled if and only if <paramref name="other"/> is.</summary>
    private static void SetExactlyWhen(IRowValues r, string column, bool isSet, string other, bool otherIsSet)
    {
        if (isSet && !otherIsSet) r.Error(column, $"is set but {other} is empty");
        if (!isSet && otherIsSet) r.Error(column, $"is empty but {other} is set");
    }
}
