namespace ReportEngine.Archive;

/// <summary>
/// How a follow-up joins what it made to an entry — its PDF/A copy, its editions — as one signed addition record. Two
/// workers racing append one addition between them; a process that finds another storing the same addition this moment
/// waits for that one's record rather than writing a second.
/// </summary>
internal sealed class EntryAdditions(ContentStore store, IArchiveIndex index, ArchiveIssuing issuing)
{
    private static readonly TimeSpan OtherPatience = TimeSpan.FromMinutes(2);

    /// <param name="what">What is added, as an error names it ("the PDF/A copy").</param>
    /// <param name="whenStuck">What becomes of it should the other process never finish, as the error says it.</param>
    /// <returns>True when the addition was stored by this call (or by a worker that won the race at commit); false when another process's stood.</returns>
    public async Task<bool> AddAsync(ArchiveRecord entry, string id, IReadOnlyDictionary<string, byte[]> files, string what, string whenStuck,
        CancellationToken cancellationToken)
    {
        StagedEntry staged;
        try
        {
            staged = await issuing.StageAsync(id, files, null, cancellationToken);
        }
        catch (IOException) when (File.Exists(PendingMarker.PathOf(store, id)))
        {
            // Another process is storing this addition this moment (two `pack --archive` of one report at once): its stands.
            return await AwaitOtherAsync(entry, id, what, whenStuck, cancellationToken);
        }
        var record = await issuing.CommitOrAbandonAsync(staged, now => new ArchiveRecord
        {
            Seq = 0, Id = id, Type = ArchiveRecordType.Addition, CreatedAt = now, AddsTo = entry.Id,
            Authority = entry.Authority, Kind = entry.Kind, Period = entry.Period, Parameter = entry.Parameter,
            PreviousHash = ArchiveRecord.Genesis,
        }, cancellationToken);
        // Another worker got there first: its files stand; ours go unless the bytes are the same (or, should writes hold
        // the objects for minutes, they stay as objects no record holds: harmless).
        var ours = staged.Files.Values.Except(record.Files.Values).ToList();
        if (ours.Count > 0) await ArchiveObjects.RemoveUnreferencedAsync(store, index, ours, ArchiveObjects.RemovalWait, cancellationToken);
        return true;
    }

    /// <summary>Waits for the addition another process is storing; should it never come (that process died), says so.</summary>
    private async Task<bool> AwaitOtherAsync(ArchiveRecord entry, string id, string what, string whenStuck, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < OtherPatience; waited += TimeSpan.FromMilliseconds(200))
        {
            if (await index.FindAsync(id, cancellationToken) is not null) return false;
            await Task.Delay(200, cancellationToken);
        }
        throw new IOException($"another process began storing {what} of {entry.Id} and has not finished it; {whenStuck}");
    }
}
