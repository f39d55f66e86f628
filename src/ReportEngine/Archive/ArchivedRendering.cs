using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Rendering;
using ReportEngine.Templating;

namespace ReportEngine.Archive;

/// <summary>
/// What an entry is rendered again from: its report, its frozen snapshot, its review (an approved report's sign-off and
/// commentary) and its identity (archive id, snapshot, generated-at time, marking), with its archived templates (or the
/// current ones) written to a scratch folder that goes when this is disposed.
/// </summary>
internal sealed class ArchivedRendering : IDisposable
{
    private readonly DirectoryInfo _scratch;

    private ArchivedRendering(ReportIdentity report, GatheredEvidence gathered, Review.ReviewMarks? review, ArchiveIdentity identity,
        TemplateSet templates, DirectoryInfo scratch)
    {
        (Report, Gathered, Review, Identity, Templates, _scratch) = (report, gathered, review, identity, templates, scratch);
    }

    public ReportIdentity Report { get; }
    public GatheredEvidence Gathered { get; }
    public Review.ReviewMarks? Review { get; }
    public ArchiveIdentity Identity { get; }
    public TemplateSet Templates { get; }

    public static async Task<ArchivedRendering> OpenAsync(ContentStore store, ArchiveRecord entry, ReportKinds kinds, string? currentTemplatesRoot,
        CancellationToken cancellationToken)
    {
        var parsed = entry.ReportFields().Parse(kinds);
        var report = parsed.IsValid ? parsed.Identity : throw new ArchiveIntegrityException($"{entry.Id}: cannot be rendered again: {parsed.Problem}");
        var gathered = EvidenceSnapshot.Deserialize(await store.GetAsync(entry.Files[ArchiveFile.Snapshot], cancellationToken));
        var review = entry.Files.TryGetValue(ArchiveFile.Review, out var reviewed) ? ArchivedReview.Deserialize(await store.GetAsync(reviewed, cancellationToken)) : null;
        var scratch = Directory.CreateTempSubdirectory("reportengine-rerender-");
        try
        {
            var root = currentTemplatesRoot;
            if (root is null)
            {
                var manifest = await TemplateManifest.LoadAsync(store, entry.Files[ArchiveFile.Templates], cancellationToken);
                await manifest.WriteToAsync(store, scratch.FullName, cancellationToken);
                root = scratch.FullName;
            }
            return new ArchivedRendering(report, gathered, review,
                new ArchiveIdentity(entry.Id, entry.Files[ArchiveFile.Snapshot], entry.GeneratedAt, entry.ProtectiveMarking),
                TemplateSet.Load(root, report.Kind.TemplateFolder), scratch);
        }
        catch
        {
            scratch.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose() => _scratch.Delete(recursive: true);
}
