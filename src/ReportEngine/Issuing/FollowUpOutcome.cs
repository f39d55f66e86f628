namespace ReportEngine.Issuing;

/// <summary>What a follow-up did, and the lines it tells the person who asked (delivery's "sent …", delivery.md).</summary>
/// <param name="Complete">False when part of it failed or is left to be tried later (a mail server refused or away).</param>
public sealed record FollowUpOutcome(bool Complete, IReadOnlyList<string> Lines)
{
    public static FollowUpOutcome Done { get; } = new(true, []);
}
