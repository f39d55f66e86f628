using ReportEngine.Evidence;
using ReportEngine.Gathering.Csv;

namespace ReportEngine.Gathering.Dataset;

/// <summary>The six optional files of operations.md, with each row's own checks; checks across rows are in <see cref="CareActChecks"/>.</summary>
internal static class CareActTables
{
    public static readonly TableSpec<Wait> Waits = new(CareActEvidence.WaitsFile,
        ["id", "person_id", "kind", "requested_on", "started_on", "closed_on", "close_reason"],
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
        Optional: true);

    public static readonly TableSpec<SupportEpisode> LongTermSupport = new(CareActEvidence.LongTermSupportFile,
        ["person_id", "setting", "start_date", "end_date"],
        r =>
        {
            var e = new SupportEpisode(r.Text("person_id"), r.Code<SupportSetting>("setting"), r.Date("start_date"), r.OptionalDate("end_date"));
            if (!r.HasErrors && e.EndDate < e.StartDate) r.Error("end_date", "is before start_date");
            return e;
        },
        Optional: true);

    public static readonly TableSpec<SupportReview> Reviews = new(CareActEvidence.ReviewsFile,
        ["person_id", "completed_on", "planned"],
        r => new SupportReview(r.Text("person_id"), r.Date("completed_on"), r.Bool("planned")),
        Optional: true);

    public static readonly TableSpec<SafeguardingConcern> Concerns = new(CareActEvidence.ConcernsFile,
        ["id", "person_id", "received_on", "decided_on", "decision"],
        r =>
        {
            var c = new SafeguardingConcern(r.Text("id"), r.Text("person_id"), r.Date("received_on"), r.OptionalDate("decided_on"),
                r.OptionalCode<ConcernDecision>("decision"));
            if (r.HasErrors) return c;
            if (c.DecidedOn < c.ReceivedOn) r.Error("decided_on", "is before received_on");
            SetExactlyWhen(r, "decision", c.Decision is not null, "decided_on", c.DecidedOn is not null);
            return c;
        },
        Optional: true);

    public static readonly TableSpec<SafeguardingEnquiry> Enquiries = new(CareActEvidence.EnquiriesFile,
        ["id", "concern_id", "started_on", "concluded_on", "outcomes_asked", "outcomes_achieved", "risk", "action_taken", "risk_outcome"],
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
        Optional: true);

    public static readonly TableSpec<DolsApplication> Dols = new(CareActEvidence.DolsFile,
        ["id", "person_id", "received_on", "urgent", "signed_off_on", "outcome"],
        r =>
        {
            var d = new DolsApplication(r.Text("id"), r.Text("person_id"), r.Date("received_on"), r.Bool("urgent"), r.OptionalDate("signed_off_on"),
                r.OptionalCode<DolsOutcome>("outcome"));
            if (r.HasErrors) return d;
            if (d.SignedOffOn < d.ReceivedOn) r.Error("signed_off_on", "is before received_on");
            SetExactlyWhen(r, "outcome", d.Outcome is not null, "signed_off_on", d.SignedOffOn is not null);
            return d;
        },
        Optional: true);

    /// <summary>operations.md's "set exactly when": <paramref name="column"/> is filled if and only if <paramref name="other"/> is.</summary>
    private static void SetExactlyWhen(RowReader r, string column, bool isSet, string other, bool otherIsSet)
    {
        if (isSet && !otherIsSet) r.Error(column, $"is set but {other} is empty");
        if (!isSet && otherIsSet) r.Error(column, $"is empty but {other} is set");
    }
}
