using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Templating;

namespace ReportEngine.Archive;

/// <summary>
/// Renders an entry again, as its own kind, from its frozen snapshot with its archived templates (or the current ones),
/// its archive id and its original generated-at time, and compares the page count and every page's text with the
/// archived PDF.
/// </summary>
public sealed class ArchiveRerenderer(ContentStore store, ArchiveCatalog catalog, ReportKinds kinds)
{
    public async Task<RerenderResult> RerenderAsync(string id, Func<TemplateSet, ReportRenderer> rendererFor, string? currentTemplatesRoot = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await catalog.GetEntryAsync(id, cancellationToken);
        var parsed = entry.ReportFields().Parse(kinds);
        var report = parsed.IsValid ? parsed.Identity : throw new ArchiveIntegrityException($"{id}: cannot be rendered again: {parsed.Problem}");
        var gathered = EvidenceSnapshot.Deserialize(await store.GetAsync(entry.Files[ArchiveFile.Snapshot], cancellationToken));
        // An approved report is rendered with its sign-off and commentary, as it was printed.
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
            var templates = TemplateSet.Load(root, report.Kind.TemplateFolder);
            var pack = await rendererFor(templates).RenderAsync(gathered, report,
                new ArchiveIdentity(entry.Id, entry.Files[ArchiveFile.Snapshot], entry.GeneratedAt, entry.ProtectiveMarking), cancellationToken: cancellationToken, review: review);
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
}

/// <param name="SameTemplates">Whether the templates used have the archived template version.</param>
/// <param name="FirstDifference">Null when every page's text matches.</param>
public sealed record RerenderResult(int ArchivedPages, int RenderedPages, bool SameTemplates, string? FirstDifference)
{
    public bool Identical => FirstDifference is null;
}
