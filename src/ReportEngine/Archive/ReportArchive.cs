using ReportEngine.Kinds;

namespace ReportEngine.Archive;

/// <summary>
/// The inspection-readiness archive: every issued report with its archival copy, figures, frozen data and templates,
/// content-addressed on disk and chained by hash in the index, so that it can be shown unchanged, proved complete and
/// rendered again from the data it was made from. Each concern is one part.
/// </summary>
public sealed class ReportArchive
{
    public ReportArchive(ContentStore store, IArchiveIndex index, ArchiveOptions options, ReportKinds kinds, TimeProvider clock)
    {
        Store = store;
        Catalog = new ArchiveCatalog(index, kinds);
        Issuing = new ArchiveIssuing(store, index, clock);
        PdfACopy = new PdfACopy(store, index, Catalog, Issuing, clock);
        Recovery = new ArchiveRecovery(store, index);
        Export = new ArchiveExport(store, Catalog);
        Verifier = new ArchiveVerifier(store, index);
        Rerenderer = new ArchiveRerenderer(store, Catalog, kinds);
        Retention = new ArchiveRetention(store, index, Catalog, options, kinds, clock);
    }

    public ContentStore Store { get; }
    public ArchiveCatalog Catalog { get; }
    public ArchiveIssuing Issuing { get; }
    public PdfACopy PdfACopy { get; }
    public ArchiveRecovery Recovery { get; }
    public ArchiveExport Export { get; }
    public ArchiveVerifier Verifier { get; }
    public ArchiveRerenderer Rerenderer { get; }
    public ArchiveRetention Retention { get; }
}
