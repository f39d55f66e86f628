using ReportEngine.Archive;

namespace ReportEngine.Issuing;

/// <summary>
/// What a regeneration signs into its entry's reason when its evidence snapshot and templates are those of the entry it
/// supersedes: nothing a reader would see has changed, so it is not delivered to the recipients again unless asked
/// (<see cref="ReportRequest.DeliverAgain"/>). Delivery reads the same words back from the signed record, so a restart
/// or a retried follow-up decides alike.
/// </summary>
public static class Regeneration
{
    private const string NotDelivered = "not delivered again";

    public static string UnchangedReason(string reason, string supersededId, bool deliverAgain) =>
        $"{reason} (the same evidence and templates as {supersededId}; {(deliverAgain ? "delivered again as asked" : NotDelivered)})";

    /// <summary>
    /// Why the report may not be regenerated again today (<see cref="ArchiveOptions.RegenerationsPerDay"/> reached since
    /// <paramref name="todayBegan"/>); null when it may.
    /// </summary>
    public static async Task<string?> LimitReachedAsync(ReportArchive archive, Kinds.ReportIdentity report, DateTimeOffset todayBegan,
        CancellationToken cancellationToken)
    {
        var most = archive.Options.RegenerationsPerDay;
        return await archive.Catalog.CountRegenerationsAsync(report, todayBegan, cancellationToken) >= most
            ? $"{report} has been regenerated {most} times today, as many as a day allows"
            : null;
    }

    /// <summary>Whether the entry is a regeneration that changed nothing and was not to be delivered again.</summary>
    public static bool HoldsDelivery(ArchiveRecord entry) =>
        entry.Supersedes is not null && entry.Reason?.EndsWith($"; {NotDelivered})", StringComparison.Ordinal) == true;
}

/// <summary>A report regenerated more often in a day than <see cref="ArchiveOptions.RegenerationsPerDay"/> allows (exit 2, 429).</summary>
public sealed class RegenerationLimitException(string message) : Foundation.InputRefusedException(message);
