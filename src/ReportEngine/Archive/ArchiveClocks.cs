namespace ReportEngine.Archive;

/// <summary>
/// Whether the clocks retention is measured by can be believed: this machine's, the database's (which stamps every
/// record) and the newest record's time. A clock set forward on either side would expire everything; one set back
/// would keep what is due, or stamp records out of order.
/// </summary>
internal static class ArchiveClocks
{
    /// <summary>How far the machine's and the database's clocks may differ, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromDays(1);

    /// <summary>How far behind the newest record either may be: the drift between two machines' clocks, not a clock set back.</summary>
    public static readonly TimeSpan BehindTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Why the clocks cannot be believed, given the archive's <paramref name="records"/>; null when they agree.</summary>
    public static string? Disagreement(DateTimeOffset machine, DateTimeOffset database, IReadOnlyList<ArchiveRecord> records)
    {
        var newest = records.Count == 0 ? (DateTimeOffset?)null : records.Max(r => r.CreatedAt);
        if (newest is { } last && machine < last - BehindTolerance)
            return $"this machine's clock ({machine:u}) is behind the newest archive record ({last:u})";
        if (newest is { } stamped && database < stamped - BehindTolerance)
            return $"the database's clock ({database:u}) is behind the newest archive record ({stamped:u})";
        if (machine - database > Tolerance)
            return $"this machine's clock ({machine:u}) is more than a day ahead of the database's ({database:u})";
        if (database - machine > Tolerance)
            return $"the database's clock ({database:u}) is more than a day ahead of this machine's ({machine:u})";
        return null;
    }
}
