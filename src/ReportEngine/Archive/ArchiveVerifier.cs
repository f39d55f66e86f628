namespace ReportEngine.Archive;

/// <summary>
/// Proves the archive, from three kinds of evidence: the index's rows (every hash and link recomputed), the signatures
/// (every record and checkpoint checked with the archive's public key) and the file store (every object's hash, and a
/// signed checkpoint for every link). It names each entry altered, missing, out of order, unsigned or rolled back. An
/// entry whose PDF/A copy has not been made yet is "PDF/A pending", not missing.
/// </summary>
public sealed class ArchiveVerifier(ContentStore store, IArchiveIndex index, ArchiveCheckpoints checkpoints, TimeProvider clock)
{
    public async Task<ArchiveVerification> VerifyAsync(ArchiveSignatures signatures, CancellationToken cancellationToken = default)
    {
        // The chain is judged as it stood when verifying began: a report issued meanwhile (its row, its head, then its
        // checkpoint) is neither a missing row nor a rolled-back index. Rows and checkpoints beyond the head as it stands
        // at the end are still judged: nothing issued puts them there.
        var head = await index.HeadAsync(cancellationToken);
        var listed = await index.ListAsync(cancellationToken);
        var written = await checkpoints.ReadAllAsync(cancellationToken);
        var headNow = await index.HeadAsync(cancellationToken);
        bool Judged(long seq) => seq <= (head?.Seq ?? 0) || seq > (headNow?.Seq ?? 0);
        var records = listed.Where(r => Judged(r.Seq)).ToList();
        var saved = written.Where(c => Judged(c.Seq)).ToList();
        var problems = new List<string>();
        var bySeq = records.ToDictionary(r => r.Seq);
        var prunedAt = records.Where(r => r.Type == ArchiveRecordType.Tombstone && r.PrunedSeq is not null).ToDictionary(r => r.PrunedSeq!.Value);
        var live = records.Where(r => r.Type == ArchiveRecordType.Entry).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var prunedIds = records.Where(r => r.PrunedId is not null).Select(r => r.PrunedId!).ToHashSet(StringComparer.Ordinal);
        var last = head?.Seq ?? 0;
        string? previous = ArchiveRecord.Genesis;
        for (var seq = 1L; seq <= last; seq++)
        {
            if (!bySeq.TryGetValue(seq, out var record))
            {
                if (prunedAt.TryGetValue(seq, out var tombstone)) previous = tombstone.PrunedHash;
                else
                {
                    problems.Add($"entry #{seq} is missing from the index");
                    previous = null; // unknown: the next link cannot be checked against it
                }
                continue;
            }
            var hash = record.ComputeHash();
            if (hash != record.Hash) problems.Add($"{record.Id} (#{seq}): its index row has been altered");
            else if (!signatures.IsValid(record.Hash, record.Signature))
                problems.Add($"{record.Id} (#{seq}): {(string.IsNullOrEmpty(record.Signature) ? "is not signed" : "its signature does not verify")}: not made with the archive's key");
            if (previous is not null && record.PreviousHash != previous)
                problems.Add($"{record.Id} (#{seq}): out of order: it does not follow entry #{seq - 1} in the chain");
            // An addition's files go with its entry when that is pruned.
            if (record.Type == ArchiveRecordType.Entry || (record.Type == ArchiveRecordType.Addition && live.ContainsKey(record.AddsTo!)))
                problems.AddRange(await CheckFilesAsync(record, cancellationToken));
            var subject = record.AddsTo ?? record.Concerns;
            if (subject is not null && !live.ContainsKey(subject) && !prunedIds.Contains(subject))
                problems.Add($"{record.Id} (#{seq}): concerns {subject}, which is not in the archive");
            previous = record.Hash;
        }
        foreach (var stray in records.Where(r => r.Seq > last)) problems.Add($"{stray.Id} (#{stray.Seq}): not in the chain (after its head)");
        if (head is { } h && bySeq.TryGetValue(h.Seq, out var newest) && newest.Hash != h.Hash)
            problems.Add($"{newest.Id} (#{h.Seq}): does not match the chain's head");
        problems.AddRange(CheckCheckpoints(saved, bySeq, prunedAt, last, signatures));

        var pruned = records.Where(r => r.Type == ArchiveRecordType.Tombstone).ToList();
        var evidence = $"{records.Count} index rows, {saved.Count} checkpoints in the file store and {records.Count + saved.Count} signatures, " +
                       $"checked with public key {signatures.Fingerprint} ({signatures.Source})";
        // Not a problem of the records, but prune would refuse, and a record stamped meanwhile would carry a wrong time.
        var clocks = ArchiveClocks.Disagreement(clock.GetUtcNow(), await index.NowAsync(cancellationToken), records);
        return new ArchiveVerification(problems.Count == 0, live.Count, pruned, ArchiveCatalog.PendingPdfACopies(records), problems, evidence, clocks);
    }

    /// <summary>Every link has its signed checkpoint, and every checkpoint still matches the index: rows lost or rolled back on either side show.</summary>
    private static IEnumerable<string> CheckCheckpoints(IReadOnlyList<Checkpoint> saved, IReadOnlyDictionary<long, ArchiveRecord> bySeq,
        IReadOnlyDictionary<long, ArchiveRecord> prunedAt, long last, ArchiveSignatures signatures)
    {
        var savedSeqs = saved.Select(c => c.Seq).ToHashSet();
        foreach (var checkpoint in saved)
        {
            if (!signatures.IsValid(Checkpoint.Digest(checkpoint.Seq, checkpoint.Hash), checkpoint.Signature))
            {
                yield return $"checkpoint #{checkpoint.Seq}: its signature does not verify: the file store's checkpoint was altered";
                continue;
            }
            var hash = bySeq.TryGetValue(checkpoint.Seq, out var record) ? record.Hash : prunedAt.TryGetValue(checkpoint.Seq, out var t) ? t.PrunedHash : null;
            if (checkpoint.Seq > last)
                yield return $"checkpoint #{checkpoint.Seq}: the index has been rolled back: its head is #{last}, the file store has checkpoints to #{saved[^1].Seq}";
            else if (hash is null)
                yield return $"checkpoint #{checkpoint.Seq}: the index has lost record #{checkpoint.Seq}";
            else if (hash != checkpoint.Hash)
                yield return $"checkpoint #{checkpoint.Seq}: the index's record #{checkpoint.Seq} is not the one that was written";
        }
        for (var seq = 1L; seq <= last; seq++)
        {
            if (!savedSeqs.Contains(seq))
                yield return $"{(bySeq.TryGetValue(seq, out var r) ? r.Id : "entry")} (#{seq}): has no checkpoint in the file store (deleted, rolled back, or written without the archive's key)";
        }
    }

    private async Task<IEnumerable<string>> CheckFilesAsync(ArchiveRecord record, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var owner = record.AddsTo ?? record.Id;
        foreach (var (role, sha) in record.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            switch (await store.IsIntactAsync(sha, cancellationToken))
            {
                case null: problems.Add($"{owner} (#{record.Seq}): its {role} file is missing"); continue;
                case false: problems.Add($"{owner} (#{record.Seq}): its {role} file has been altered"); continue;
            }
            if (role != ArchiveFile.Templates) continue;
            var manifest = await TemplateManifest.LoadAsync(store, sha, cancellationToken);
            foreach (var (path, templateSha) in manifest.Files)
            {
                if (await store.IsIntactAsync(templateSha, cancellationToken) is not true)
                    problems.Add($"{owner} (#{record.Seq}): its template {path} is missing or altered");
            }
        }
        return problems;
    }

    /// <summary>
    /// Checks a head sent out earlier (<c>SEQ:SHA256</c>, as delivery emails carry it): record SEQ, or the tombstone of
    /// a pruned one, must still have that hash. Someone who rewrote the history and recomputed every later hash (and
    /// had the key) passes every other check, but cannot change a hash already held outside the database.
    /// </summary>
    /// <returns>Null when it matches; otherwise what does not.</returns>
    public async Task<string?> CheckHeadAsync(long seq, string sha256, CancellationToken cancellationToken = default)
    {
        var records = await index.ListAsync(cancellationToken);
        var hash = records.FirstOrDefault(r => r.Seq == seq)?.Hash
                   ?? records.FirstOrDefault(r => r.Type == ArchiveRecordType.Tombstone && r.PrunedSeq == seq)?.PrunedHash;
        if (hash is null)
            return $"head {seq}:{sha256}: the chain has no record {seq} (its last is {(records.Count == 0 ? 0 : records.Max(r => r.Seq))}): records were removed";
        return string.Equals(hash, sha256, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"head {seq}:{sha256}: record {seq} now has hash {hash}: the history up to it was rewritten after this head was sent";
    }
}

/// <param name="PendingPdfA">Entries whose PDF/A copy is still to be made by its follow-up job.</param>
/// <param name="Evidence">What the verdict rests on: rows, checkpoints and signatures, and whose key checked them.</param>
/// <param name="ClockWarning">How this machine's clock, the database's and the newest record disagree; null when they agree.</param>
public sealed record ArchiveVerification(bool Intact, int Entries, IReadOnlyList<ArchiveRecord> Pruned, IReadOnlyList<string> PendingPdfA,
    IReadOnlyList<string> Problems, string Evidence, string? ClockWarning = null);
