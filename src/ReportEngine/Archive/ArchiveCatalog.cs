using ReportEngine.Foundation;
using ReportEngine.Kinds;
using ReportEngine.Metrics;

namespace ReportEngine.Archive;

/// <summary>Finding entries in the archive's index: by id, by run, the latest of a report, and filtered lists.</summary>
public sealed class ArchiveCatalog(IArchiveIndex index, ReportKinds kinds)
{
    public async Task<ArchiveRecord> GetEntryAsync(string id, CancellationToken cancellationToken = default) =>
        await index.FindAsync(id, cancellationToken) is { Type: ArchiveRecordType.Entry } entry ? entry : throw new ArchiveEntryNotFoundException(id);

    /// <summary>The entry a run archived, if it got that far before it was interrupted.</summary>
    public Task<ArchiveRecord?> FindByRunAsync(string runId, CancellationToken cancellationToken = default) => index.EntryOfRunAsync(runId, cancellationToken);

    /// <summary>The newest entry of a report (a regenerated report supersedes the ones before it); null when never archived.</summary>
    public Task<ArchiveRecord?> LatestAsync(ReportIdentity report, CancellationToken cancellationToken = default) => index.LatestEntryAsync(report, cancellationToken);

    /// <summary>How many times a report has been regenerated since a moment (its entries that supersede another).</summary>
    public Task<int> CountRegenerationsAsync(ReportIdentity report, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        index.CountRegenerationsAsync(report, since, cancellationToken);

    /// <summary>The chain's last record as <c>SEQ:SHA256</c>, to be sent where the database cannot reach it (an email) and checked later.</summary>
    public async Task<string?> HeadAsync(CancellationToken cancellationToken = default) =>
        await index.HeadAsync(cancellationToken) is { } head ? $"{head.Seq}:{head.Hash}" : null;

    /// <summary>The addition that holds an entry's HTML, Excel and Word editions; null until its follow-up has made them.</summary>
    public async Task<ArchiveRecord?> EditionsOfAsync(string entryId, CancellationToken cancellationToken = default) =>
        await index.FindAsync(ArchiveEditions.RecordId(entryId), cancellationToken);

    /// <summary>The record that joined an entry's PDF/A copy to it; null while the copy is pending.</summary>
    public async Task<ArchiveRecord?> PdfACopyOfAsync(string entryId, CancellationToken cancellationToken = default) =>
        await index.FindAsync(PdfACopy.RecordId(entryId), cancellationToken);

    /// <summary>The SHA-256 of an entry's PDF/A copy: in the entry itself (entries made before the copy moved off the render path) or in its addition.</summary>
    public Task<string?> PdfAOfAsync(ArchiveRecord entry, CancellationToken cancellationToken = default) => FileOfAsync(entry, ArchiveFile.PdfA, cancellationToken);

    /// <summary>
    /// The record that holds one of an entry's files (<see cref="ArchiveFile"/>): the entry itself, or the addition a
    /// follow-up joined to it — the PDF/A copy's (unless the entry holds its copy itself) or the editions'. Null while
    /// that addition is still to be made.
    /// </summary>
    public async Task<ArchiveRecord?> RecordHoldingAsync(ArchiveRecord entry, string role, CancellationToken cancellationToken = default) => role switch
    {
        ArchiveFile.PdfA when !entry.Files.ContainsKey(role) => await PdfACopyOfAsync(entry.Id, cancellationToken),
        ArchiveFile.Html or ArchiveFile.Xlsx or ArchiveFile.Docx => await EditionsOfAsync(entry.Id, cancellationToken),
        _ => entry,
    };

    /// <summary>The SHA-256 of one of an entry's files, wherever it is held; null when it has none yet.</summary>
    public async Task<string?> FileOfAsync(ArchiveRecord entry, string role, CancellationToken cancellationToken = default) =>
        (await RecordHoldingAsync(entry, role, cancellationToken))?.Files.GetValueOrDefault(role);

    /// <summary>Live entries whose PDF/A copy is still to be made.</summary>
    public async Task<IReadOnlyList<string>> PendingPdfACopiesAsync(CancellationToken cancellationToken = default) =>
        PendingPdfACopies(await index.ListAsync(cancellationToken));

    internal static IReadOnlyList<string> PendingPdfACopies(IReadOnlyList<ArchiveRecord> records)
    {
        // Only the addition that carries the copy: an entry's editions are an addition too, and may come first.
        var withCopy = records.Where(r => r.Type == ArchiveRecordType.Addition && r.Files.ContainsKey(ArchiveFile.PdfA))
            .Select(r => r.AddsTo!).ToHashSet(StringComparer.Ordinal);
        return records.Where(r => r.Type == ArchiveRecordType.Entry && !r.Files.ContainsKey(ArchiveFile.PdfA) && !withCopy.Contains(r.Id)).Select(r => r.Id).ToList();
    }

    /// <summary>Entries matching the query, oldest first; superseded entries only when asked for.</summary>
    public async Task<IReadOnlyList<ArchiveRecord>> ListAsync(ArchiveQuery query, CancellationToken cancellationToken = default)
    {
        var entries = (await index.ListAsync(cancellationToken)).Where(r => r.Type == ArchiveRecordType.Entry).ToList();
        var superseded = entries.Where(e => e.Supersedes is not null).Select(e => e.Supersedes!).ToHashSet(StringComparer.Ordinal);
        return entries
            .Where(r => query.IncludeSuperseded || !superseded.Contains(r.Id))
            .Where(r => query.Authority is null || r.Authority == query.Authority)
            .Where(r => query.Kind is null || r.Kind == query.Kind)
            .Where(r => query.From is null || string.CompareOrdinal(LastMonthOf(r), query.From.Value.ToString()) >= 0)
            .Where(r => query.To is null || string.CompareOrdinal(LastMonthOf(r), query.To.Value.ToString()) <= 0)
            .ToList();
    }

    /// <summary>Entries under legal hold, with the reason: every hold in the chain not followed by a release.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HoldsAsync(CancellationToken cancellationToken = default) =>
        HoldsIn(await index.ListAsync(cancellationToken));

    internal static IReadOnlyDictionary<string, string> HoldsIn(IEnumerable<ArchiveRecord> records)
    {
        var holds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in records.OrderBy(r => r.Seq))
        {
            if (record.Type == ArchiveRecordType.Hold) holds[record.Concerns!] = record.Reason ?? "";
            else if (record.Type == ArchiveRecordType.Release) holds.Remove(record.Concerns!);
        }
        return holds;
    }

    /// <summary>The month an entry's period ends with (<c>2024-03</c> for the business year 2023-24), so that kinds of every period type filter alike.</summary>
    private string LastMonthOf(ArchiveRecord entry) =>
        kinds.Find(entry.Kind) is { } kind && kind.PeriodType.TryParse(entry.Period, out var period) ? period.LastMonth.ToString() : entry.Period ?? "";
}

/// <param name="From">The first month (a business year counts by its last month, March).</param>
public sealed record ArchiveQuery(string? Authority = null, string? Kind = null, ReportingPeriod? From = null, ReportingPeriod? To = null,
    bool IncludeSuperseded = false);

public sealed class ArchiveEntryNotFoundException(string id) : Foundation.InputRefusedException($"No archive entry '{id}'.");

public sealed class ArchiveIntegrityException(string message) : Foundation.PermanentFailureException(message);
