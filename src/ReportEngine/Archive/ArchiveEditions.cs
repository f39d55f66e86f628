using ReportEngine.Editions;
using ReportEngine.Kinds;
using ReportEngine.Rendering;
using ReportEngine.Templating;

namespace ReportEngine.Archive;

/// <summary>
/// The follow-up that makes an entry's HTML, Excel and Word editions from its frozen snapshot and archived templates
/// (no print: the view model is composed again, as the PDF's was) and joins them to the entry as one signed addition,
/// as the PDF/A copy is. Keyed by archive id: doing it again does nothing.
/// </summary>
public sealed class ArchiveEditions(ReportArchive archive, IArchiveIndex index, ReportKinds kinds, Func<TemplateSet, ReportRenderer> rendererFor)
{
    private readonly EntryAdditions _additions = new(archive.Store, index, archive.Issuing);

    /// <summary>The editions an archived report has, in the order the dashboard offers them.</summary>
    public static IReadOnlyList<EditionFormat> Formats { get; } = [EditionFormat.Html, EditionFormat.Xlsx, EditionFormat.Docx];

    public static string RecordId(string entryId) => $"{entryId}/editions";

    /// <summary>The template every edition-writing template set has: a report issued with templates from before editions has none.</summary>
    private const string ScreenStyles = "screen.css";

    /// <returns>
    /// False when there was nothing to do: the editions exist, the entry has been pruned, or it was issued with templates
    /// from before editions (its templates write only the print; regenerating the report gives it editions).
    /// </returns>
    public async Task<bool> MakeAsync(string entryId, CancellationToken cancellationToken = default)
    {
        if (await index.FindAsync(entryId, cancellationToken) is not { Type: ArchiveRecordType.Entry } entry) return false;
        if (await archive.Catalog.EditionsOfAsync(entry.Id, cancellationToken) is not null) return false;
        Dictionary<string, byte[]> files;
        using (var archived = await ArchivedRendering.OpenAsync(archive.Store, entry, kinds, null, cancellationToken))
        {
            if (archived.Templates.Resolve(ScreenStyles) is null) return false;
            files = Make(archived, rendererFor(archived.Templates)).ToDictionary(f => f.Role, f => f.Bytes, StringComparer.Ordinal);
        }
        return await _additions.AddAsync(entry, RecordId(entry.Id), files, "the editions",
            "`pack --archive` of the report makes them again", cancellationToken);
    }

    /// <summary>The editions of an archived report, made as they were when it was issued, by archive file role.</summary>
    internal static IReadOnlyList<(string Role, byte[] Bytes)> Make(ArchivedRendering archived, ReportRenderer renderer)
    {
        var (context, figures, metrics) = renderer.Recompose(archived.Gathered, archived.Report, archived.Identity, archived.Review);
        return ReportEditions.Make(context, figures, metrics, archived.Report, renderer, Formats).Select(e => (e.Format.Name, e.Bytes)).ToList();
    }
}
