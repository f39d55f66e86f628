using ReportEngine.Composition;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.Rendering;

namespace ReportEngine.Editions;

/// <summary>
/// A report's other editions, made from its view model: the templates write it once more for the screen (the HTML
/// edition), and the workbook and the Word document are read from that page, so that every edition says the same
/// sentences, figures and tables as the PDF. No print and no clock (each is stamped with the report's generated-at time):
/// an archived report's editions are made again, byte for byte, from its snapshot.
/// </summary>
public static class ReportEditions
{
    /// <summary>The other editions of a report just rendered.</summary>
    public static IReadOnlyList<(EditionFormat Format, byte[] Bytes)> Make(RenderedReport pack, ReportRenderer renderer, IEnumerable<EditionFormat> formats) =>
        Make(pack.Context, pack.Figures, pack.MetricsJson, pack.Report, renderer, formats);

    /// <returns>Each format asked for but the PDF (the report itself), with its bytes, in <paramref name="formats"/>' order.</returns>
    public static IReadOnlyList<(EditionFormat Format, byte[] Bytes)> Make(ReportContext context, IReportFigures figures, byte[] metricsJson,
        ReportIdentity report, ReportRenderer renderer, IEnumerable<EditionFormat> formats)
    {
        var wanted = formats.Where(f => f != EditionFormat.Pdf).Distinct().ToList();
        if (wanted.Count == 0) return [];
        var page = HtmlEdition.Finish(renderer.ComposeHtmlEdition(context, figures, report.Kind));
        var facts = context.Run;
        return wanted.Select(format => (format, format.Name switch
        {
            "html" => HtmlEdition.Serialize(page),
            "xlsx" => Workbook.Make(page, metricsJson, context.Gathered.Evidence.Targets ?? [], facts.GeneratedAt),
            "docx" => WordDocument.Make(page, page.Title ?? context.Title, context.Gathered.Evidence.Authority.Name, Marking(facts), facts.GeneratedAt),
            _ => throw new ArgumentException($"no edition is made as {format}", nameof(formats)),
        })).ToList();
    }

    private static string Marking(ReportRunFacts facts) =>
        facts.Review is { Draft: true } ? $"{Review.ReviewMarks.DraftMark} · {facts.ProtectiveMarking}" : facts.ProtectiveMarking;
}
