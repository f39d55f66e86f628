namespace ReportEngine.Archive;

/// <summary>
/// Every way out of the archive reads through here (<c>archive get</c>, a report answered from the archive, the API's
/// and the dashboard's downloads, delivery): an object is handed out only when the record that names it verifies (its
/// hash recomputed, the archive's key's signature) and its bytes still hash to its name. A record pointed at another
/// report's file by an edit in the database no longer matches its signed hash, so it is refused, never served as the
/// report it names.
/// </summary>
public sealed class ArchiveReader(ContentStore store, ArchiveCatalog catalog)
{
    /// <summary>
    /// One of an entry's files (<see cref="ArchiveFile"/>; the PDF/A copy and the editions from their additions); null when
    /// the entry has no such file yet (a PDF/A copy or editions still being made).
    /// </summary>
    /// <param name="publicKeyFile">A copy of the archive's public key kept elsewhere; by default the one beside the objects.</param>
    public async Task<byte[]?> ReadAsync(ArchiveRecord entry, string role, CancellationToken cancellationToken = default, string? publicKeyFile = null)
    {
        var owner = await catalog.RecordHoldingAsync(entry, role, cancellationToken);
        if (owner is null) return null;
        using (var signatures = ArchiveSignatures.Load(store, publicKeyFile))
        {
            Verify(entry, signatures);
            if (!ReferenceEquals(owner, entry)) Verify(owner, signatures, role);
        }
        return owner.Files.TryGetValue(role, out var sha) ? await ObjectAsync(entry, sha, role, cancellationToken) : null;
    }

    /// <summary>An object an entry's file lists (a template file its manifest names), checked against its hash; the entry itself is checked by <see cref="ReadAsync"/>.</summary>
    public async Task<byte[]> ObjectAsync(ArchiveRecord entry, string sha256, string what, CancellationToken cancellationToken = default)
    {
        var bytes = await store.FindAsync(sha256, cancellationToken)
                    ?? throw new ArchiveUnverifiedException($"{entry.Id}: its {what} is missing from the archive's store");
        return ContentStore.Sha256(bytes) == sha256 ? bytes : throw new ArchiveUnverifiedException($"{entry.Id}: its {what} has been altered in the archive's store");
    }

    private static void Verify(ArchiveRecord record, ArchiveSignatures signatures, string? role = null)
    {
        var subject = record.AddsTo is { } entry ? $"{entry}: the record of its {(role == ArchiveFile.PdfA ? "PDF/A copy" : "editions")}" : $"{record.Id}: its record";
        if (record.ComputeHash() != record.Hash)
            throw new ArchiveUnverifiedException($"{subject} has been altered since it was signed (its hash no longer matches)");
        if (!signatures.IsValid(record.Hash, record.Signature))
            throw new ArchiveUnverifiedException($"{subject} is not signed with the archive's key");
    }
}

/// <summary>
/// An entry's record or one of its objects does not verify (altered, unsigned or missing): nothing is served from it.
/// Permanent (retrying cannot mend it), and not the caller's fault (exit 1, 409).
/// </summary>
public sealed class ArchiveUnverifiedException(string message) : Foundation.PermanentFailureException($"{message}; nothing is served from it. Run 'archive verify'.");
