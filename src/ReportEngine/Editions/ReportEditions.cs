using ReportEngine.Rendering;

namespace ReportEngine.Editions;

/// <summary>
/// A rendered report's other editions, made from the view model its PDF was printed from: the templates write it once
/// more for the screen (the HTML edition), and the workbook and the Word document are read from that page, so that every
/// edition says the same sentences, figures and tables as the PDF. Pure: no clock (each is stamped with the report's
/// generated-at time), so an archived report's editions are made again byte for byte from its snapshot.
/// </summary>
public static class ReportEditions
{
    /// <returns>Each format asked for but the PDF (the rendered report itself), with its bytes, in <paramref name="formats"/>' order.</returns>
    public static IReadOnlyList<(EditionFormat Format, byte[] Bytes)> Make(RenderedReport pack, ReportRenderer renderer, IEnumerable<EditionFormat> formats)
    {
        var wanted = formats.Where(f => f != EditionFormat.Pdf).Distinct().ToList();
        if (wanted.Count == 0) return [];
        var page = HtmlEdition.Finish(renderer.ComposeHtmlEdition(pack.ViewModel));
        var facts = pack.Context.Run;
        var made = facts.GeneratedAt;
        return wanted.Select(format => (format, format.Name switch
        {
            "html" => HtmlEdition.Serialize(page),
            "xlsx" => Workbook.Make(page, pack.MetricsJson, pack.Context.Gathered.Evidence.Targets ?? [], made),
            "docx" => WordDocument.Make(page, page.Title ?? pack.Context.Title, pack.Context.Gathered.Evidence.Authority.Name,
                Marking(facts), made),
            _ => throw new ArgumentException($"no edition is made as {format}", nameof(formats)),
        })).ToList();
    }

    private static string Marking(Composition.ReportRunFacts facts) =>
        facts.Review is { Draft: true } ? $"{Review.ReviewMarks.DraftMark} · {facts.ProtectiveMarking}" : facts.ProtectiveMarking;
}
