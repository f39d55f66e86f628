using ReportEngine.Foundation;
using ReportEngine.Kinds;

namespace ReportEngine.Archive;

/// <summary>
/// Deletes entries past their kind's retention and not under legal hold, leaving a signed tombstone in the chain for
/// each, and places and lifts legal holds (signed records too). Retention runs from each entry's own signed creation
/// time, stamped by the index's clock; prune refuses to run when that clock, this machine's and the newest record disagree.
/// </summary>
public sealed class ArchiveRetention(ContentStore store, IArchiveIndex index, ArchiveCatalog catalog, ArchiveChain chain, ArchiveOptions options,
    ReportKinds kinds, TimeProvider clock)
{
    /// <summary>
    /// What a prune would delete, and what it keeps under hold; nothing is changed. Only a record whose hash and
    /// signature verify is believed: an entry backdated in the database is kept (and <c>verify</c> names it).
    /// </summary>
    public async Task<PrunePlan> PlanAsync(CancellationToken cancellationToken = default) =>
        await PlanAsync(await index.ListAsync(cancellationToken), cancellationToken);

    private async Task<PrunePlan> PlanAsync(IReadOnlyList<ArchiveRecord> records, CancellationToken cancellationToken)
    {
        var now = await TrustedNowAsync(records, cancellationToken);
        using var signatures = ArchiveSignatures.Load(store);
        bool Trusted(ArchiveRecord r) => r.ComputeHash() == r.Hash && signatures.IsValid(r.Hash, r.Signature);
        var holds = ArchiveCatalog.HoldsIn(records.Where(Trusted));
        var expired = new List<PruneItem>();
        var held = new List<ArchiveRecord>();
        var untrusted = new List<ArchiveRecord>();
        foreach (var entry in records.Where(r => r.Type == ArchiveRecordType.Entry))
        {
            var years = options.RetentionFor(entry.Kind!, kinds);
            if (entry.CreatedAt.AddYears(years) > now) continue;
            if (!Trusted(entry)) untrusted.Add(entry);
            else if (holds.ContainsKey(entry.Id)) held.Add(entry);
            else expired.Add(new PruneItem(entry, years));
        }
        return new PrunePlan(expired, held, untrusted, now);
    }

    /// <summary>Prunes exactly what <see cref="PlanAsync"/> lists (with <paramref name="dryRun"/>, only lists it).</summary>
    public async Task<PruneResult> PruneAsync(string requestedBy, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var records = await index.ListAsync(cancellationToken);
        var plan = await PlanAsync(records, cancellationToken);
        if (dryRun) return new PruneResult(plan, []);
        var tombstones = new List<ArchiveRecord>();
        var prunedObjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, years) in plan.Expired)
        {
            tombstones.Add(await chain.AppendAsync($"{entry.Id}/pruned", position => new ArchiveRecord
            {
                Seq = 0, Id = $"{entry.Id}/pruned", Type = ArchiveRecordType.Tombstone, CreatedAt = position.Now,
                RequestedBy = requestedBy, Authority = entry.Authority, Kind = entry.Kind, Period = entry.Period,
                PrunedId = entry.Id, PrunedSeq = entry.Seq, PrunedHash = entry.Hash,
                Reason = $"retention: {entry.Kind} reports are kept {years} years; created {entry.CreatedAt:yyyy-MM-dd}",
                PreviousHash = ArchiveRecord.Genesis,
            }, removing: entry.Id, cancellationToken: cancellationToken));
            prunedObjects.UnionWith(await ArchiveObjects.OfAsync(store, entry, cancellationToken));
            foreach (var addition in records.Where(r => r.Type == ArchiveRecordType.Addition && r.AddsTo == entry.Id))
                prunedObjects.UnionWith(addition.Files.Values);
        }
        // Retention must remove what it pruned: this waits for writes in progress however long they take.
        await ArchiveObjects.RemoveUnreferencedAsync(store, index, prunedObjects, giveUpAfter: null, cancellationToken);
        return new PruneResult(plan, tombstones);
    }

    public async Task PlaceHoldAsync(string id, string reason, string requestedBy, CancellationToken cancellationToken = default)
    {
        var entry = await catalog.GetEntryAsync(id, cancellationToken);
        await AppendHoldAsync(ArchiveRecordType.Hold, entry, reason, requestedBy, cancellationToken);
    }

    public async Task ReleaseHoldAsync(string id, string reason, string requestedBy, CancellationToken cancellationToken = default)
    {
        var entry = await catalog.GetEntryAsync(id, cancellationToken);
        if (!(await catalog.HoldsAsync(cancellationToken)).ContainsKey(entry.Id)) throw new ArchiveHoldException($"{id} is not under legal hold.");
        await AppendHoldAsync(ArchiveRecordType.Release, entry, reason, requestedBy, cancellationToken);
    }

    private Task<ArchiveRecord> AppendHoldAsync(ArchiveRecordType type, ArchiveRecord entry, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        var id = $"{entry.Id}/{type.ToString().ToLowerInvariant()}/{Guid.NewGuid():N}";
        return chain.AppendAsync(id, position => new ArchiveRecord
        {
            Seq = 0, Id = id, Type = type, CreatedAt = position.Now, Concerns = entry.Id, Reason = reason, RequestedBy = requestedBy,
            Authority = entry.Authority, Kind = entry.Kind, Period = entry.Period, PreviousHash = ArchiveRecord.Genesis,
        }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The index's time, after checking that it, this machine's clock and the newest record agree (<see cref="ArchiveClocks"/>).
    /// </summary>
    private async Task<DateTimeOffset> TrustedNowAsync(IReadOnlyList<ArchiveRecord> records, CancellationToken cancellationToken)
    {
        var database = await index.NowAsync(cancellationToken);
        if (ArchiveClocks.Disagreement(clock.GetUtcNow(), database, records) is { } why)
            throw new ArchiveClockException($"Prune refused: {why}. Set the clock right first; nothing was pruned.");
        return database;
    }
}

/// <param name="Untrusted">Entries that look expired but whose record does not verify: kept, for <c>verify</c> to name.</param>
/// <param name="Now">The time retention was measured at: the index's clock.</param>
public sealed record PrunePlan(IReadOnlyList<PruneItem> Expired, IReadOnlyList<ArchiveRecord> Held, IReadOnlyList<ArchiveRecord> Untrusted, DateTimeOffset Now);

public sealed record PruneItem(ArchiveRecord Entry, int RetentionYears);

/// <param name="Tombstones">One per entry pruned; empty for a dry run.</param>
public sealed record PruneResult(PrunePlan Plan, IReadOnlyList<ArchiveRecord> Tombstones);

/// <summary>The machine's clock, the database's and the newest record disagree: nothing was pruned.</summary>
public sealed class ArchiveClockException(string message) : Foundation.InputRefusedException(message);

public sealed class ArchiveHoldException(string message) : Foundation.InputRefusedException(message);
