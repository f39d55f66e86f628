using System.Collections.Concurrent;
using ReportEngine.Archive;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.Service.Web.Accounts;
using UglyToad.PdfPig;

namespace ReportEngine.Service.Web.Reports;

/// <summary>The archive as a person sees it on the dashboard and through the API: only what their grants allow.</summary>
public sealed class ArchivedReports(ReportArchive archive, ReportKinds kinds)
{
    // Objects are content-addressed and never change, so a page count once read holds for ever.
    private readonly ConcurrentDictionary<string, int> _pages = new(StringComparer.Ordinal);

    /// <summary>The entries the person may see, newest first; superseded ones are left out unless asked for.</summary>
    public async Task<IReadOnlyList<ArchiveRecord>> ListAsync(Account account, string? authority, string? kind, ReportingPeriod? from, ReportingPeriod? to,
        bool includeSuperseded, CancellationToken cancellationToken)
    {
        var entries = await archive.Catalog.ListAsync(new ArchiveQuery(authority, kind, from, to, includeSuperseded), cancellationToken);
        return entries.Where(e => e.Authority is { } code && account.MaySee(code)).OrderByDescending(e => e.Seq).ToList();
    }

    /// <summary>An entry the person may see; null when there is none or it is of an authority not granted (answered alike).</summary>
    public async Task<ArchiveRecord?> FindAsync(Account account, string archiveId, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await archive.Catalog.GetEntryAsync(archiveId, cancellationToken);
            return entry.Authority is { } code && account.MaySee(code) ? entry : null;
        }
        catch (ArchiveEntryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The SHA-256 of one of an entry's files (<see cref="ArchiveFile"/>); null when it has none (a PDF/A copy still pending).</summary>
    public Task<string?> FileOfAsync(ArchiveRecord entry, string role, CancellationToken cancellationToken) => archive.Catalog.FileOfAsync(entry, role, cancellationToken);

    /// <summary>
    /// One of an entry's files (<see cref="ArchiveFile"/>), only when its record and bytes verify (else
    /// <see cref="ArchiveUnverifiedException"/>); null when it has none yet (a PDF/A copy still pending).
    /// </summary>
    public Task<byte[]?> ReadAsync(ArchiveRecord entry, string role, CancellationToken cancellationToken) => archive.Reader.ReadAsync(entry, role, cancellationToken);

    /// <summary>The issued PDF's pages; null when its record or its PDF does not verify (the entry shows why, not the list).</summary>
    public async Task<int?> PagesAsync(ArchiveRecord entry, CancellationToken cancellationToken)
    {
        if (!entry.Files.TryGetValue(ArchiveFile.Pdf, out var sha)) return null;
        if (_pages.TryGetValue(sha, out var known)) return known;
        try
        {
            using var document = PdfDocument.Open((await archive.Reader.ReadAsync(entry, ArchiveFile.Pdf, cancellationToken))!);
            return _pages[sha] = document.NumberOfPages;
        }
        catch (ArchiveUnverifiedException)
        {
            return null;
        }
    }

    /// <summary>The entry's record still hashes to its stored hash, its signature holds, and every file's bytes match its hash.</summary>
    public async Task<EntryCheck> CheckAsync(ArchiveRecord entry, CancellationToken cancellationToken)
    {
        bool signed;
        try
        {
            using var signatures = archive.Signatures();
            signed = entry.ComputeHash() == entry.Hash && signatures.IsValid(entry.Hash, entry.Signature);
        }
        catch (ArchiveKeyException)
        {
            signed = false;
        }
        var files = new List<(string Role, bool? Intact)>();
        foreach (var (role, sha) in entry.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            files.Add((role, await archive.Store.IsIntactAsync(sha, cancellationToken)));
        return new EntryCheck(signed, files);
    }

    /// <summary>The report's title, as its kind names it.</summary>
    public string TitleOf(ArchiveRecord entry) => kinds.Find(entry.Kind)?.Title ?? entry.Kind ?? "";

    /// <summary>The latest entry of each kind for an authority, for the home page.</summary>
    public async Task<IReadOnlyList<ArchiveRecord>> LatestOfEachKindAsync(string authority, CancellationToken cancellationToken) =>
        (await archive.Catalog.ListAsync(new ArchiveQuery(authority), cancellationToken))
            .GroupBy(e => e.Kind).Select(g => g.MaxBy(e => (e.Period, e.Seq))!).OrderBy(e => e.Kind, StringComparer.Ordinal).ToList();

    /// <summary>The figures an entry's metrics.json holds, by key (only when it verifies).</summary>
    public async Task<ArchivedMetrics> MetricsOfAsync(ArchiveRecord entry, CancellationToken cancellationToken) =>
        await archive.Reader.ReadAsync(entry, ArchiveFile.Metrics, cancellationToken) is { } bytes ? ArchivedMetrics.Parse(bytes) : ArchivedMetrics.None;
}

/// <param name="Signed">The record's hash is right and the archive's key signed it.</param>
/// <param name="Files">Each file's role and whether its bytes still match (null: missing).</param>
public sealed record EntryCheck(bool Signed, IReadOnlyList<(string Role, bool? Intact)> Files)
{
    public bool Intact => Signed && Files.All(f => f.Intact == true);
}
