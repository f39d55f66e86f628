namespace ReportEngine.Issuing;

/// <summary>
/// How a host does an archived report's follow-ups (<see cref="IFollowUp"/>): at once (the command line) or as jobs of
/// their own (<c>serve</c>), keyed by archive id so that a retry never repeats work that was done.
/// </summary>
public interface IFollowUps
{
    /// <returns>What each follow-up done at once gave; nothing for those handed to jobs.</returns>
    Task<IReadOnlyList<FollowUpOutcome>> ScheduleAsync(string archiveId, CancellationToken cancellationToken);
}
