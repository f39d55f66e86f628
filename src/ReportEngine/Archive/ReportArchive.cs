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

    public ReportArchive(ContentStore store, IArchiveIndex index, ArchiveOptions options, ReportKinds kinds, TimeProvider clock)
    {
        Store = store;
        Options = options;
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

    /// <summary>The public key beside the objects (or a copy kept elsewhere), to verify with.</summary>
    public ArchiveSignatures Signatures(string? publicKeyFile = null) => ArchiveSignatures.Load(Store, publicKeyFile);

    public void Dispose()
    {
        if (_signer.IsValueCreated) _signer.Value.Dispose();
    }
}
