using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using ReportEngine.Packs;
using ReportEngine.Templating;

namespace ReportEngine.Archive;

/// <summary>
/// The inspection-readiness archive: every issued pack with its archival copy, figures, frozen data and templates,
/// content-addressed on disk and chained by hash in the index, so that it can be shown unchanged, proved complete and
/// rendered again from the data it was made from.
/// </summary>
public sealed class PackArchive(ContentStore store, IArchiveIndex index, ArchiveOptions options, TimeProvider clock)
{
    private string PendingFolder => Path.Combine(store.Root, "pending");

    public ContentStore Store => store;

    /// <summary>
    /// Renders a pack for the archive (its id and snapshot hash printed in it and stamped in its metadata), makes the
    /// PDF/A-2b copy, stores every file and appends the entry. Returns the entry and the pack as issued.
    /// </summary>
    public async Task<ArchivedPack> ArchiveAsync(GatheredEvidence gathered, ReportingPeriod period, PackRenderer renderer,
        string requestedBy, string? runId = null, IProgress<PackProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var generatedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var authority = gathered.Evidence.Authority.Code;
        var kind = renderer.Kind.Name;
        var id = $"{authority}-{period}-{kind}-{generatedAt:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
        var snapshot = EvidenceSnapshot.Serialize(gathered);
        var snapshotSha = ContentStore.Sha256(snapshot);
        var marking = renderer.Options.ProtectiveMarking;

        var pack = await renderer.RenderAsync(gathered, period, new PackIdentity(id, snapshotSha, generatedAt, marking), progress, cancellationToken);
        progress?.Report(new PackProgress(PackStage.Writing, 96, "Archiving (PDF/A copy)"));
        var issued = await PdfArchival.StampAsync(pack.Pdf, id, snapshotSha, cancellationToken);
        var pdfa = await PdfArchival.ToPdfA2bAsync(issued, id, snapshotSha, cancellationToken);

        await using var staged = await StageAsync(id, new Dictionary<string, byte[]>
        {
            [ArchiveFile.Pdf] = issued, [ArchiveFile.PdfA] = pdfa, [ArchiveFile.Metrics] = pack.MetricsJson, [ArchiveFile.Snapshot] = snapshot,
        }, renderer.Templates, cancellationToken);
        var record = await CommitAsync(staged, new ArchiveRecord
        {
            Seq = 0, Id = id, Type = ArchiveRecordType.Entry, CreatedAt = ArchiveRecord.Truncate(clock.GetUtcNow()), Authority = authority,
            Kind = kind, Period = period.ToString(), RequestedBy = requestedBy, TemplateVersion = renderer.Templates.Version,
            EngineVersion = PackRenderer.EngineVersion, GeneratedAt = generatedAt, ProtectiveMarking = marking, RunId = runId,
            PreviousHash = ArchiveRecord.Genesis,
        }, cancellationToken);
        return new ArchivedPack(record, pack with { Pdf = issued });
    }

    /// <summary>
    /// First half of archiving: a pending marker naming every object, then the objects. Nothing is visible until
    /// <see cref="CommitAsync"/>; if the process dies in between, <see cref="RecoverAsync"/> removes what was written.
    /// </summary>
    public async Task<StagedEntry> StageAsync(string id, IReadOnlyDictionary<string, byte[]> files, TemplateSet templates, CancellationToken cancellationToken)
    {
        var manifest = TemplateManifest.Of(templates).ToBytes();
        var all = files.Values.Concat(templates.Paths.Select(p => Encoding.UTF8.GetBytes(templates.Text(p)))).Append(manifest).ToList();

        Directory.CreateDirectory(PendingFolder);
        // Held open (and so locked) until the entry is committed; recovery skips markers still held.
        var marker = new FileStream(Path.Combine(PendingFolder, $"{id}.json"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        await marker.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new PendingMarker(id, all.Select(ContentStore.Sha256).Distinct().ToList())), cancellationToken);
        await marker.FlushAsync(cancellationToken);
        marker.Flush(flushToDisk: true);

        foreach (var bytes in all) await store.PutAsync(bytes, cancellationToken);
        var roles = files.ToDictionary(f => f.Key, f => ContentStore.Sha256(f.Value));
        roles[ArchiveFile.Templates] = ContentStore.Sha256(manifest);
        return new StagedEntry(id, roles, marker);
    }

    /// <summary>Second half: appends the entry to the chain, which makes it visible, then drops the pending marker.</summary>
    public async Task<ArchiveRecord> CommitAsync(StagedEntry staged, ArchiveRecord entry, CancellationToken cancellationToken)
    {
        var record = await index.AppendAsync((seq, previous) => (entry with { Seq = seq, Files = staged.Files, PreviousHash = previous }).Sealed(),
            cancellationToken: cancellationToken);
        File.Delete(staged.Marker.Name);
        return record;
    }

    /// <summary>Finishes or removes what a killed process left: committed entries lose their marker, uncommitted ones their objects.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(PendingFolder)) return 0;
        var recovered = 0;
        HashSet<string>? referenced = null; // read once, and only when an uncommitted entry needs it
        foreach (var path in Directory.EnumerateFiles(PendingFolder, "*.json"))
        {
            PendingMarker? marker;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                marker = await JsonSerializer.DeserializeAsync<PendingMarker>(stream, cancellationToken: cancellationToken);
            }
            catch (IOException)
            {
                continue; // still being written by a live process
            }
            catch (JsonException)
            {
                marker = null; // torn marker: nothing was stored after it
            }
            if (marker is not null && await index.FindAsync(marker.Id, cancellationToken) is null)
            {
                referenced ??= await ReferencedObjectsAsync(cancellationToken);
                foreach (var sha in marker.Objects.Where(o => !referenced.Contains(o))) store.Delete(sha);
            }
            File.Delete(path);
            recovered++;
        }
        return recovered;
    }

    public async Task<IReadOnlyList<ArchiveRecord>> ListAsync(string? authority = null, string? from = null, string? to = null,
        CancellationToken cancellationToken = default) =>
        (await index.ListAsync(cancellationToken))
            .Where(r => r.Type == ArchiveRecordType.Entry)
            .Where(r => authority is null || r.Authority == authority)
            .Where(r => from is null || string.CompareOrdinal(r.Period, from) >= 0)
            .Where(r => to is null || string.CompareOrdinal(r.Period, to) <= 0)
            .ToList();

    public Task<IReadOnlyDictionary<string, string>> HoldsAsync(CancellationToken cancellationToken = default) => index.HoldsAsync(cancellationToken);

    public async Task PlaceHoldAsync(string id, string reason, CancellationToken cancellationToken = default)
    {
        await GetEntryAsync(id, cancellationToken);
        await index.PlaceHoldAsync(id, reason, cancellationToken);
    }

    public async Task ReleaseHoldAsync(string id, CancellationToken cancellationToken = default)
    {
        await GetEntryAsync(id, cancellationToken);
        await index.ReleaseHoldAsync(id, cancellationToken);
    }

    /// <summary>The entry a pack run archived, if it got that far before it was interrupted.</summary>
    public async Task<ArchiveRecord?> FindByRunAsync(string runId, CancellationToken cancellationToken = default) =>
        (await index.ListAsync(cancellationToken)).FirstOrDefault(r => r.Type == ArchiveRecordType.Entry && r.RunId == runId);

    public async Task<ArchiveRecord> GetEntryAsync(string id, CancellationToken cancellationToken = default) =>
        await index.FindAsync(id, cancellationToken) is { Type: ArchiveRecordType.Entry } entry ? entry : throw new ArchiveEntryNotFoundException(id);

    /// <summary>Copies an entry's files to <paramref name="folder"/>, checking each against its hash first.</summary>
    public async Task<IReadOnlyList<string>> GetAsync(string id, string folder, CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(id, cancellationToken);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        async Task Copy(string sha, string name)
        {
            var bytes = await store.GetAsync(sha, cancellationToken);
            if (ContentStore.Sha256(bytes) != sha) throw new ArchiveIntegrityException($"{id}: {name} has been altered in the archive");
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            written.Add(path);
        }
        await Copy(entry.Files[ArchiveFile.Pdf], $"{entry.Authority}-{entry.Period}-{entry.Kind}.pdf");
        await Copy(entry.Files[ArchiveFile.PdfA], $"{entry.Authority}-{entry.Period}-{entry.Kind}-pdfa.pdf");
        await Copy(entry.Files[ArchiveFile.Metrics], "metrics.json");
        await Copy(entry.Files[ArchiveFile.Snapshot], "snapshot.json.gz");
        var manifest = await TemplateManifest.LoadAsync(store, entry.Files[ArchiveFile.Templates], cancellationToken);
        foreach (var (path, sha) in manifest.Files) await Copy(sha, Path.Combine("templates", path));
        var entryPath = Path.Combine(folder, "entry.json");
        await File.WriteAllTextAsync(entryPath, JsonSerializer.Serialize(entry, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        written.Add(entryPath);
        return written;
    }

    /// <summary>Recomputes every file hash, every record hash and every link of the chain.</summary>
    public async Task<ArchiveVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var records = await index.ListAsync(cancellationToken);
        var head = await index.HeadAsync(cancellationToken);
        var problems = new List<string>();
        var bySeq = records.ToDictionary(r => r.Seq);
        var prunedAt = records.Where(r => r.Type == ArchiveRecordType.Tombstone && r.PrunedSeq is not null).ToDictionary(r => r.PrunedSeq!.Value);
        var last = head?.Seq ?? 0;
        string? previous = ArchiveRecord.Genesis;
        var entries = 0;
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
            if (record.Type == ArchiveRecordType.Entry)
            {
                entries++;
                problems.AddRange(await CheckFilesAsync(record, cancellationToken));
            }
            previous = record.Hash;
        }
        foreach (var stray in records.Where(r => r.Seq > last)) problems.Add($"{stray.Id} (#{stray.Seq}): not in the chain (after its head)");
        if (head is { } h && bySeq.TryGetValue(h.Seq, out var newest) && newest.Hash != h.Hash)
            problems.Add($"{newest.Id} (#{h.Seq}): does not match the chain's head");
        var pruned = records.Where(r => r.Type == ArchiveRecordType.Tombstone).ToList();
        return new ArchiveVerification(problems.Count == 0, entries, pruned, problems);
    }

    private async Task<IEnumerable<string>> CheckFilesAsync(ArchiveRecord entry, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (role, sha) in entry.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            switch (await store.IsIntactAsync(sha, cancellationToken))
            {
                case null: problems.Add($"{entry.Id} (#{entry.Seq}): its {role} file is missing"); continue;
                case false: problems.Add($"{entry.Id} (#{entry.Seq}): its {role} file has been altered"); continue;
            }
            if (role != ArchiveFile.Templates) continue;
            var manifest = await TemplateManifest.LoadAsync(store, sha, cancellationToken);
            foreach (var (path, templateSha) in manifest.Files)
            {
                if (await store.IsIntactAsync(templateSha, cancellationToken) is not true)
                    problems.Add($"{entry.Id} (#{entry.Seq}): its template {path} is missing or altered");
            }
        }
        return problems;
    }

    /// <summary>
    /// Renders an entry again from its frozen snapshot, with its archived templates (or the current ones), its archive id
    /// and its original generated-at time, and compares the page count and every page's text with the archived PDF.
    /// </summary>
    public async Task<RerenderResult> RerenderAsync(string id, Func<TemplateSet, PackRenderer> rendererFor, string? currentTemplatesRoot = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(id, cancellationToken);
        var gathered = EvidenceSnapshot.Deserialize(await store.GetAsync(entry.Files[ArchiveFile.Snapshot], cancellationToken));
        var scratch = Directory.CreateTempSubdirectory("reportengine-rerender-");
        try
        {
            TemplateSet templates;
            if (currentTemplatesRoot is null)
            {
                var manifest = await TemplateManifest.LoadAsync(store, entry.Files[ArchiveFile.Templates], cancellationToken);
                await manifest.WriteToAsync(store, scratch.FullName, cancellationToken);
                templates = TemplateSet.Load(scratch.FullName, entry.Kind!);
            }
            else
            {
                templates = TemplateSet.Load(currentTemplatesRoot, entry.Kind!);
            }
            ReportingPeriod.TryParse(entry.Period, out var period);
            var pack = await rendererFor(templates).RenderAsync(gathered, period,
                new PackIdentity(entry.Id, entry.Files[ArchiveFile.Snapshot], entry.GeneratedAt, entry.ProtectiveMarking), cancellationToken: cancellationToken);
            var archived = PdfText.PerPage(await store.GetAsync(entry.Files[ArchiveFile.Pdf], cancellationToken));
            var again = PdfText.PerPage(pack.Pdf);
            return new RerenderResult(archived.Count, again.Count, templates.Version == entry.TemplateVersion, FirstDifference(archived, again));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string? FirstDifference(IReadOnlyList<string> archived, IReadOnlyList<string> again)
    {
        for (var page = 0; page < Math.Min(archived.Count, again.Count); page++)
        {
            var a = archived[page].Split('\n');
            var b = again[page].Split('\n');
            for (var line = 0; line < Math.Max(a.Length, b.Length); line++)
            {
                var left = line < a.Length ? a[line] : "(no line)";
                var right = line < b.Length ? b[line] : "(no line)";
                if (left != right) return $"page {page + 1}, line {line + 1}: archived \"{left}\", re-rendered \"{right}\"";
            }
        }
        return archived.Count == again.Count ? null : $"page count: archived {archived.Count}, re-rendered {again.Count}";
    }

    /// <summary>Deletes entries past their kind's retention and not under legal hold, leaving a tombstone in the chain for each.</summary>
    public async Task<PruneResult> PruneAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var holds = await index.HoldsAsync(cancellationToken);
        var pruned = new List<ArchiveRecord>();
        var held = new List<ArchiveRecord>();
        var prunedObjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (await index.ListAsync(cancellationToken)).Where(r => r.Type == ArchiveRecordType.Entry))
        {
            var years = options.RetentionFor(entry.Kind!);
            if (entry.CreatedAt.AddYears(years) > now) continue;
            if (holds.ContainsKey(entry.Id))
            {
                held.Add(entry);
                continue;
            }
            pruned.Add(await index.AppendAsync((seq, previous) => new ArchiveRecord
            {
                Seq = seq, Id = $"{entry.Id}/pruned", Type = ArchiveRecordType.Tombstone, CreatedAt = ArchiveRecord.Truncate(now),
                RequestedBy = requestedBy, Authority = entry.Authority, Kind = entry.Kind, Period = entry.Period,
                PrunedId = entry.Id, PrunedSeq = entry.Seq, PrunedHash = entry.Hash,
                Reason = $"retention: {entry.Kind} packs are kept {years} years; created {entry.CreatedAt:yyyy-MM-dd}",
                PreviousHash = previous,
            }.Sealed(), removing: entry.Id, cancellationToken));
            prunedObjects.UnionWith(await ObjectsOfAsync(entry, cancellationToken));
        }
        if (pruned.Count > 0)
        {
            var referenced = await ReferencedObjectsAsync(cancellationToken);
            foreach (var sha in prunedObjects.Where(o => !referenced.Contains(o))) store.Delete(sha);
        }
        return new PruneResult(pruned, held);
    }

    private async Task<HashSet<string>> ReferencedObjectsAsync(CancellationToken cancellationToken)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (await index.ListAsync(cancellationToken)).Where(r => r.Type == ArchiveRecordType.Entry))
            referenced.UnionWith(await ObjectsOfAsync(entry, cancellationToken));
        return referenced;
    }

    private async Task<IReadOnlyList<string>> ObjectsOfAsync(ArchiveRecord entry, CancellationToken cancellationToken)
    {
        var objects = entry.Files.Values.ToList();
        if (entry.Files.TryGetValue(ArchiveFile.Templates, out var manifest) && store.Exists(manifest))
            objects.AddRange((await TemplateManifest.LoadAsync(store, manifest, cancellationToken)).Files.Values);
        return objects;
    }

    private sealed record PendingMarker(string Id, IReadOnlyList<string> Objects);
}

public sealed record ArchivedPack(ArchiveRecord Entry, RenderedPack Pack);

/// <summary>Objects written for an entry not yet committed; the held marker file keeps recovery away from it.</summary>
public sealed class StagedEntry(string id, IReadOnlyDictionary<string, string> files, FileStream marker) : IAsyncDisposable
{
    public string Id { get; } = id;
    public IReadOnlyDictionary<string, string> Files { get; } = files;
    internal FileStream Marker { get; } = marker;

    public ValueTask DisposeAsync() => Marker.DisposeAsync();
}

public sealed record ArchiveVerification(bool Intact, int Entries, IReadOnlyList<ArchiveRecord> Pruned, IReadOnlyList<string> Problems);

/// <param name="SameTemplates">Whether the templates used have the archived template version.</param>
/// <param name="FirstDifference">Null when every page's text matches.</param>
public sealed record RerenderResult(int ArchivedPages, int RenderedPages, bool SameTemplates, string? FirstDifference)
{
    public bool Identical => FirstDifference is null;
}

public sealed record PruneResult(IReadOnlyList<ArchiveRecord> Pruned, IReadOnlyList<ArchiveRecord> Held);

public sealed class ArchiveEntryNotFoundException(string id) : Exception($"No archive entry '{id}'.");

public sealed class ArchiveIntegrityException(string message) : Exception(message);
