namespace ReportEngine.Evidence;

// One record per row of operations.md's files. Nullable members are the cells that may be empty. Values, not objects,
// as the long files of Records.cs are.

/// <summary>Someone waiting for an assessment or a requested review (waits.csv); waiting from requested_on until started or closed.</summary>
public readonly record struct Wait(
    string Id, string PersonId, WaitKind Kind, DateOnly RequestedOn, DateOnly? StartedOn, DateOnly? ClosedOn, WaitCloseReason? CloseReason)
{
    /// <summary>operations.md: requested on or before <paramref name="day"/>, and neither started nor closed by then.</summary>
    public bool IsWaitingAt(DateOnly day) => RequestedOn <= day && !(StartedOn <= day) && !(ClosedOn <= day);
}

/// <summary>An episode of long-term support (long_term_support.csv); <see cref="EndDate"/> is its last day.</summary>
public readonly record struct SupportEpisode(string PersonId, SupportSetting Setting, DateOnly StartDate, DateOnly? EndDate);

/// <summary>A completed review or reassessment of someone in long-term support (reviews.csv).</summary>
public readonly record struct SupportReview(string PersonId, DateOnly CompletedOn, bool Planned);

/// <summary>A safeguarding adults concern and what was decided about it (safeguarding_concerns.csv).</summary>
public readonly record struct SafeguardingConcern(string Id, string PersonId, DateOnly ReceivedOn, DateOnly? DecidedOn, ConcernDecision? Decision);

/// <summary>A safeguarding enquiry (safeguarding_enquiries.csv): concluded rows never change; reopened work is a new row.</summary>
public readonly record struct SafeguardingEnquiry(
    string Id, string ConcernId, DateOnly StartedOn, DateOnly? ConcludedOn, OutcomesAsked? OutcomesAsked,
    OutcomesAchieved? OutcomesAchieved, EnquiryRisk? Risk, bool? ActionTaken, RiskOutcome? RiskOutcome)
{
    /// <summary>operations.md: started on or before <paramref name="day"/>, and not concluded by then.</summary>
    public bool IsOpenAt(DateOnly day) => StartedOn <= day && !(ConcludedOn <= day);
}

/// <summary>An application to deprive someone of their liberty, renewals included (dols_applications.csv).</summary>
public readonly record struct DolsApplication(string Id, string PersonId, DateOnly ReceivedOn, bool Urgent, DateOnly? SignedOffOn, DolsOutcome? Outcome)
{
    /// <summary>operations.md: received on or before <paramref name="day"/>, and not signed off by then.</summary>
    public bool IsNotCompletedAt(DateOnly day) => ReceivedOn <= day && !(SignedOffOn <= day);
}
