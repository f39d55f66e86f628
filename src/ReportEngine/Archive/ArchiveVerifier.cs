namespace ReportEngine.Archive;

/// <summary>
/// Recomputes every file hash, every record hash and every link of the chain, and names each entry altered, missing
/// or out of order. An entry whose PDF/A copy has not been made yet is "PDF/A pending", not missing.
/// </summary>
public sealed class ArchiveVerifier(ContentStore store, IArchiveIndex index)
{
    public async Task<ArchiveVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var records = await index.ListAsync(cancellationToken);
        var head = await index.HeadAsync(cancellationToken);
        var problems = new List<string>();
        var bySeq = records.ToDictionary(r => r.Seq);
        var prunedAt = records.Where(r => r.Type == ArchiveRecordType.Tombstone && r.PrunedSeq is not null).ToDictionary(r => r.PrunedSeq!.Value);
        var live = records.Where(r => r.Type == ArchiveRecordType.Entry).ToDictionary(r => r.Id, StringComparer.Ordinal);
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
            if (record.ComputeHash() != record.Hash) problems.Add($"{record.Id} (#{seq}): its index row has been altered");
            if (previous is not null && record.PreviousHash != previous)
                problems.Add($"{record.Id} (#{seq}): out of order: it does not follow entry #{seq - 1} in the chain");
            // An addition's files go with its entry when that is pruned.
            if (record.Type == ArchiveRecordType.Entry || (record.Type == ArchiveRecordType.Addition && live.ContainsKey(record.AddsTo!)))
                problems.AddRange(await CheckFilesAsync(record, cancellationToken));
            if (record.Type == ArchiveRecordType.Addition && !live.ContainsKey(record.AddsTo!) && !records.Any(r => r.PrunedId == record.AddsTo))
                problems.Add($"{record.Id} (#{seq}): adds to {record.AddsTo}, which is not in the archive");
            previous = record.Hash;
        }
        foreach (var stray in records.Where(r => r.Seq > last)) problems.Add($"{stray.Id} (#{stray.Seq}): not in the chain (after its head)");
        if (head is { } h && bySeq.TryGetValue(h.Seq, out var newest) && newest.Hash != h.Hash)
            problems.Add($"{newest.Id} (#{h.Seq}): does not match the chain's head");
        var pruned = records.Where(r => r.Type == ArchiveRecordType.Tombstone).ToList();
        return new ArchiveVerification(problems.Count == 0, live.Count, pruned, ArchiveCatalog.PendingPdfACopies(records), problems);
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
}

/// <param name="PendingPdfA">Entries whose PDF/A copy is still to be made by its follow-up job.</param>
public sealed record ArchiveVerification(bool Intact, int Entries, IReadOnlyList<ArchiveRecord> Pruned, IReadOnlyList<string> PendingPdfA,
    IReadOnlyList<string> Problems);
