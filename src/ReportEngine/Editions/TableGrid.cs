using AngleSharp.Dom;

namespace ReportEngine.Editions;

/// <summary>
/// A printed table as a grid of texts: one header row (the last of its head, or a first row of header cells; else
/// numbered columns) and the body's rows, each as wide as the widest row, a cell spanning columns followed by empty ones.
/// </summary>
public sealed record TableGrid(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Body)
{
    public static TableGrid Read(IElement table)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        var head = rows.Where(r => r.ParentElement?.LocalName == "thead").ToList();
        var body = rows.Where(r => r.ParentElement?.LocalName != "thead").ToList();
        if (head.Count == 0 && body.Count > 0 && body[0].Children.All(c => c.LocalName == "th"))
        {
            head.Add(body[0]);
            body.RemoveAt(0);
        }
        var texts = body.Select(Cells).ToList();
        var headerTexts = head.Count > 0 ? Cells(head[^1]) : [];
        var width = texts.Select(r => r.Count).Append(headerTexts.Count).DefaultIfEmpty(0).Max();
        var header = Enumerable.Range(0, width).Select(i => i < headerTexts.Count && headerTexts[i].Length > 0 ? headerTexts[i] : $"Column {i + 1}").ToList();
        return new TableGrid(header, texts.Select(r => (IReadOnlyList<string>)[.. r, .. Enumerable.Repeat("", width - r.Count)]).ToList());
    }

    private static List<string> Cells(IElement row)
    {
        var cells = new List<string>();
        foreach (var cell in row.Children.Where(c => c.LocalName is "th" or "td"))
        {
            cells.Add(HtmlEdition.Text(cell));
            var span = int.TryParse(cell.GetAttribute("colspan"), out var n) ? Math.Clamp(n, 1, 100) : 1;
            for (var i = 1; i < span; i++) cells.Add("");
        }
        return cells;
    }
}
