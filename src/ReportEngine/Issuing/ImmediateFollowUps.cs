namespace ReportEngine.Issuing;

/// <summary>
/// Follow-ups done at once, one after another in this process, for callers with no job server (the command line): the
/// entry is committed first, so a copy that fails here is "PDF/A pending" and can be made later.
/// </summary>
public sealed class ImmediateFollowUps(IEnumerable<IFollowUp> followUps) : IFollowUps
{
    public async Task<IReadOnlyList<FollowUpOutcome>> ScheduleAsync(string archiveId, CancellationToken cancellationToken)
    {
        var outcomes = new List<FollowUpOutcome>();
        foreach (var followUp in followUps.Where(f => f.Enabled)) outcomes.Add(await followUp.RunAsync(archiveId, cancellationToken));
        return outcomes;
    }
}
