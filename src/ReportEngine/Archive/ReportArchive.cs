using ReportEngine.Kinds;

namespace ReportEngine.Archive;

/// <summary>
/// The inspection-readiness archive: every issued report with its archival copy, figures, frozen data and templates,
/// content-addressed on disk, chained by hash and signed in the index, and checkpointed in the file store, so that it
/// can be shown unchanged, proved complete and rendered again from the data it was made from. Each concern is one part.
/// </summary>
public sealed class ReportArchive : IDisposable
{
    private readonly Lazy<ArchiveSigner> _signer;
    private readonly IArchiveIndex _index;
    private readonly ReportKinds _kinds;

    public ReportArchive(ContentStore store, IArchiveIndex index, ArchiveOptions options, ReportKinds kinds, TimeProvider clock)
    {
        Store = store;
        Options = options;
        _index = index;
        _kinds = kinds;
        // The private key is read (or made) only by what writes: listing, exporting and verifying never need it.
        // Not caching a failure: a key that could not be read now (another process still writing it) is read again next time.
        _signer = new Lazy<ArchiveSigner>(() => ArchiveSigner.OpenOrCreate(options.SigningKeyPath, store), LazyThreadSafetyMode.PublicationOnly);
        var checkpoints = new ArchiveCheckpoints(store);
        var chain = new ArchiveChain(store, index, checkpoints, _signer);
        Catalog = new ArchiveCatalog(index, kinds);
        Recovery = new ArchiveRecovery(store, index, checkpoints, _signer);
        Issuing = new ArchiveIssuing(store, chain, Recovery, clock);
        PdfACopy = new PdfACopy(store, index, Catalog, Issuing);
        Reader = new ArchiveReader(store, Catalog);
        Export = new ArchiveExport(Catalog, Reader);
        Verifier = new ArchiveVerifier(store, index, checkpoints, clock);
        Rerenderer = new ArchiveRerenderer(store, Catalog, kinds);
        Retention = new ArchiveRetention(store, index, Catalog, chain, options, kinds, clock);
    }

    public ContentStore Store { get; }
    public ArchiveOptions Options { get; }
    public ArchiveCatalog Catalog { get; }
    public ArchiveIssuing Issuing { get; }
    public PdfACopy PdfACopy { get; }
    public ArchiveRecovery Recovery { get; }
    public ArchiveReader Reader { get; }
    public ArchiveExport Export { get; }
    public ArchiveVerifier Verifier { get; }
    public ArchiveRerenderer Rerenderer { get; }
    public ArchiveRetention Retention { get; }

    /// <summary>The follow-up that makes entries' HTML, Excel and Word editions, with the renderer the host makes for a set of templates.</summary>
    public ArchiveEditions EditionsWith(Func<Templating.TemplateSet, Rendering.ReportRenderer> rendererFor) => new(this, _index, _kinds, rendererFor);

    /// <summary>
    /// Opens the signing key before anything is rendered. It is created on first use only for an archive with no records
    /// yet: for one that has records, a missing key is refused (naming the file) and none is made in its place, since a
    /// new key could not sign on from the old one's chain.
    /// </summary>
    public async Task OpenSigningKeyAsync(CancellationToken cancellationToken = default)
    {
        if (_signer.IsValueCreated) return;
        var path = Path.GetFullPath(Options.SigningKeyPath);
        if (!File.Exists(path) && await _index.HeadAsync(cancellationToken) is not null)
            throw new ArchiveKeyException($"The archive's signing key {path} is missing, and the archive has records signed with it: restore the key " +
                                          "(from its backup) or set ReportEngine:Archive:SigningKeyFile to where it is. Nothing was rendered.");
        _ = _signer.Value;
    }

    /// <summary>
    /// The archive key's signature over a SHA-256 (hex), for what else the application must be able to prove it wrote
    /// (the audit log's rows); the key is opened as for issuing (<see cref="OpenSigningKeyAsync"/>).
    /// </summary>
    public async Task<string> SignAsync(string sha256Hex, CancellationToken cancellationToken = default)
    {
        await OpenSigningKeyAsync(cancellationToken);
        return _signer.Value.Sign(sha256Hex);
    }

    /// <summary>The public key beside the objects (or a copy kept elsewhere), to verify with.</summary>
    public ArchiveSignatures Signatures(string? publicKeyFile = null) => ArchiveSignatures.Load(Store, publicKeyFile);

    public void Dispose()
    {
        if (_signer.IsValueCreated) _signer.Value.Dispose();
    }
}
