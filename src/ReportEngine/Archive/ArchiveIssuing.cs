using ReportEngine.Foundation;
using System.Security.Cryptography;
using System.Text;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Rendering;
using ReportEngine.Templating;

namespace ReportEngine.Archive;

/// <summary>
/// Issues a report into the archive in two steps around its rendering: <see cref="Reserve"/> gives it its archive id
/// and frozen snapshot (both are printed in it), and <see cref="StoreAsync"/> stamps them in its metadata, stores its
/// files and appends its entry to the chain. The PDF/A copy is made afterwards by <see cref="PdfACopy"/>.
/// </summary>
public sealed class ArchiveIssuing(ContentStore store, ArchiveChain chain, ArchiveRecovery recovery, TimeProvider clock)
{
    /// <summary>The archive id, the snapshot of <paramref name="gathered"/> and the time the report is generated at; nothing is written yet.</summary>
    public ArchiveReservation Reserve(GatheredEvidence gathered, ReportIdentity report, string? protectiveMarking)
    {
        var now = clock.GetUtcNow();
        var generatedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var id = $"{report.Authority}-{report.Stem}-{generatedAt:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
        var snapshot = EvidenceSnapshot.Serialize(gathered);
        return new ArchiveReservation(report, new ArchiveIdentity(id, ContentStore.Sha256(snapshot), generatedAt, protectiveMarking), snapshot);
    }

    /// <summary>Stores a report rendered with its <paramref name="reserved"/> identity and appends its entry; whole or not at all.</summary>
    public async Task<ArchivedReport> StoreAsync(ArchiveReservation reserved, RenderedReport pack, TemplateSet templates, string requestedBy,
        string? runId = null, Supersession? supersedes = null, IProgress<ReportProgress>? progress = null, CancellationToken cancellationToken = default,
        SignOff? signOff = null)
    {
        var (report, identity, snapshot) = reserved;
        var id = identity.ArchiveId;
        progress?.Report(new ReportProgress(ReportStage.Writing, 96, "Archiving"));
        var issued = await PdfArchival.StampAsync(pack.Pdf, id, identity.SnapshotSha256, cancellationToken);

        var files = new Dictionary<string, byte[]> { [ArchiveFile.Pdf] = issued, [ArchiveFile.Metrics] = pack.MetricsJson, [ArchiveFile.Snapshot] = snapshot };
        if (signOff is not null) files[ArchiveFile.Review] = ArchivedReview.Serialize(signOff.Marks);
        var staged = await StageAsync(id, files, templates, cancellationToken);
        var record = await CommitOrAbandonAsync(staged, now => new ArchiveRecord
        {
            Seq = 0, Id = id, Type = ArchiveRecordType.Entry, CreatedAt = now, Authority = report.Authority,
            Kind = report.Kind.Name, Period = report.Period.ToString(), Parameter = report.Statement is null ? null : report.Parameter,
            RequestedBy = requestedBy, TemplateVersion = templates.Version, EngineVersion = EngineVersion.Current,
            GeneratedAt = identity.GeneratedAt, ProtectiveMarking = identity.ProtectiveMarking, RunId = runId, Supersedes = supersedes?.EntryId,
            Reason = supersedes?.Reason, Draft = signOff?.Draft.ToString(), ApprovedBy = signOff?.ApprovedBy, PreviousHash = ArchiveRecord.Genesis,
        }, cancellationToken);
        return new ArchivedReport(record, pack with { Pdf = issued });
    }

    /// <summary>
    /// First half of archiving: a pending marker naming every object, then the objects (and, when given, the template
    /// files with their manifest). Nothing is visible until <see cref="CommitAsync"/>; if the process dies in between,
    /// <see cref="ArchiveRecovery"/> removes what was written.
    /// </summary>
    public async Task<StagedEntry> StageAsync(string id, IReadOnlyDictionary<string, byte[]> files, TemplateSet? templates, CancellationToken cancellationToken)
    {
        var all = files.Values.ToList();
        byte[]? manifest = null;
        if (templates is not null)
        {
            manifest = TemplateManifest.Of(templates).ToBytes();
            all.AddRange(templates.Paths.Select(p => Encoding.UTF8.GetBytes(templates.Text(p))));
            all.Add(manifest);
        }

        var roles = files.ToDictionary(f => f.Key, f => ContentStore.Sha256(f.Value));
        if (manifest is not null) roles[ArchiveFile.Templates] = ContentStore.Sha256(manifest);
        var hold = await store.HoldAsync(ObjectsAccess.Writing, cancellationToken);
        FileStream marker;
        try
        {
            marker = await PendingMarker.CreateAsync(store, id, all.Select(ContentStore.Sha256).Distinct().ToList(), cancellationToken);
        }
        catch
        {
            await hold.DisposeAsync();
            throw;
        }
        var staged = new StagedEntry(id, roles, marker, hold);
        try
        {
            foreach (var bytes in all) await store.PutAsync(bytes, cancellationToken);
            return staged;
        }
        catch
        {
            // A full disk must not stay full: what this attempt wrote goes now, not at the next start.
            await AbandonAsync(staged);
            throw;
        }
    }

    /// <summary>Removes a staged entry that will not be committed: its marker released, then its objects that no record holds.</summary>
    public async Task AbandonAsync(StagedEntry staged)
    {
        await staged.DisposeAsync();
        await recovery.RecoverAsync(CancellationToken.None);
    }

    /// <summary>
    /// Second half: appends the record (built with the index's time) to the chain, which makes it visible, checkpoints
    /// it, then drops the pending marker.
    /// </summary>
    public Task<ArchiveRecord> CommitAsync(StagedEntry staged, Func<DateTimeOffset, ArchiveRecord> record, CancellationToken cancellationToken) =>
        chain.AppendAsync(staged.Id, position => record(position.Now) with { Files = staged.Files }, staged, cancellationToken: cancellationToken);

    /// <summary>Commits, or removes the staged files when the commit fails (recovery keeps them if the record was written after all).</summary>
    public async Task<ArchiveRecord> CommitOrAbandonAsync(StagedEntry staged, Func<DateTimeOffset, ArchiveRecord> record, CancellationToken cancellationToken)
    {
        try
        {
            var committed = await CommitAsync(staged, record, cancellationToken);
            await staged.DisposeAsync();
            return committed;
        }
        catch
        {
            await AbandonAsync(staged);
            throw;
        }
    }
}

/// <summary>A regenerated report replaces <paramref name="EntryId"/> because of <paramref name="Reason"/>.</summary>
public sealed record Supersession(string EntryId, string Reason);

public sealed record ArchivedReport(ArchiveRecord Entry, RenderedReport Pack);

/// <summary>What the archive gives a report before it is rendered: its identity there (printed in it) and its frozen snapshot.</summary>
public sealed record ArchiveReservation(ReportIdentity Report, ArchiveIdentity Identity, byte[] Snapshot);

/// <summary>
/// Objects written for an entry not yet committed: the held marker file keeps recovery away from it, and the objects
/// are held for writing, so that none it found already stored is removed before it commits.
/// </summary>
public sealed class StagedEntry : IAsyncDisposable
{
    private readonly IAsyncDisposable _hold;
    private int _disposed;

    internal StagedEntry(string id, IReadOnlyDictionary<string, string> files, FileStream marker, IAsyncDisposable hold)
    {
        Id = id;
        Files = files;
        Marker = marker;
        _hold = hold;
    }

    public string Id { get; }
    public IReadOnlyDictionary<string, string> Files { get; }
    internal FileStream Marker { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await Marker.DisposeAsync();
        await _hold.DisposeAsync();
    }
}
