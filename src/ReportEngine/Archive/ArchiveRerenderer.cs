using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Templating;

namespace ReportEngine.Archive;

/// <summary>
/// Renders an entry again, as its own kind, from its frozen snapshot with its archived templates (or the current ones),
/// its archive id and its original generated-at time, and compares the page count and every page's text with the
/// archived PDF, and its editions, byte for byte, with the archived ones.
/// </summary>
public sealed class ArchiveRerenderer(ContentStore store, ArchiveCatalog catalog, ReportKinds kinds)
{
    public async Task<RerenderResult> RerenderAsync(string id, Func<TemplateSet, ReportRenderer> rendererFor, string? currentTemplatesRoot = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await catalog.GetEntryAsync(id, cancellationToken);
        using var archived = await ArchivedRendering.OpenAsync(store, entry, kinds, currentTemplatesRoot, cancellationToken);
        // An approved report is rendered with its sign-off and commentary, as it was printed.
        var pack = await rendererFor(archived.Templates).RenderAsync(archived.Gathered, archived.Report, archived.Identity,
            cancellationToken: cancellationToken, review: archived.Review);
        var printed = PdfText.PerPage(await store.GetAsync(entry.Files[ArchiveFile.Pdf], cancellationToken));
        var again = PdfText.PerPage(pack.Pdf);
        var result = new RerenderResult(printed.Count, again.Count, archived.Templates.Version == entry.TemplateVersion, FirstDifference(printed, again));
        // Editions are compared when made as they were, with the archived templates.
        return currentTemplatesRoot is not null ? result
            : result with { Editions = await CompareEditionsAsync(entry, archived, rendererFor(archived.Templates), cancellationToken) };
    }

    /// <summary>
    /// The entry's HTML, Excel and Word editions (when it has them) made again from its snapshot: the name of each that
    /// differs by a byte from the archived one, or null when all match.
    /// </summary>
    private async Task<string?> CompareEditionsAsync(ArchiveRecord entry, ArchivedRendering archived, ReportRenderer renderer, CancellationToken cancellationToken)
    {
        if (await catalog.EditionsOfAsync(entry.Id, cancellationToken) is not { } addition) return null;
        var made = ArchiveEditions.Make(archived, renderer);
        var differ = new List<string>();
        foreach (var (role, bytes) in made)
            if (!addition.Files.TryGetValue(role, out var sha) || sha != ContentStore.Sha256(bytes)) differ.Add(role);
        return differ.Count == 0 ? null : string.Join(", ", differ);
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
/// <param name="Editions">The archived editions made again that differ by a byte (html, xlsx, docx); null when all match or there are none.</param>
public sealed record RerenderResult(int ArchivedPages, int RenderedPages, bool SameTemplates, string? FirstDifference, string? Editions = null)
{
    public bool Identical => FirstDifference is null && Editions is null;
}
