namespace ReportEngine.Issuing;

/// <summary>
/// Hands an archived report's follow-up work (its PDF/A copy; delivery later) to jobs of its own, keyed by archive id
/// so that a retry never repeats work that was done.
/// </summary>
public interface IFollowUps
{
    Task ScheduleAsync(string archiveId, CancellationToken cancellationToken);
}
