using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ReportEngine.Editions;

/// <summary>
/// The HTML edition: one self-contained page, no script, made from the document the templates write for edition "html".
/// What only a screen needs is added here, the same for every kind: each section's heading an anchor the contents list
/// links to, each table named (its caption, or the heading above it) with scoped header cells and its own scrolling
/// region, so that a wide table never makes the page scroll sideways. The Excel and Word editions are read from it.
/// </summary>
public static class HtmlEdition
{
    /// <summary>The contents list links section i as <c>#section-i</c>: i counts the document's h1 headings.</summary>
    private const string SectionPrefix = "section-";

    public static IHtmlDocument Finish(string composed)
    {
        var document = new HtmlParser().ParseDocument(composed);
        var headings = document.QuerySelectorAll("h1").ToList();
        for (var i = 0; i < headings.Count; i++)
            if (string.IsNullOrEmpty(headings[i].Id)) headings[i].Id = SectionPrefix + i;
        foreach (var link in document.QuerySelectorAll($"a[href^='#{SectionPrefix}']"))
            if (int.TryParse(link.GetAttribute("href")![(SectionPrefix.Length + 1)..], out var n) && n < headings.Count)
                link.SetAttribute("href", "#" + headings[n].Id);
        foreach (var (table, name, _) in NamedTables(document).ToList()) Contain(document, table, name);
        return document;
    }

    public static byte[] Serialize(IHtmlDocument document) => Encoding.UTF8.GetBytes(document.ToHtml());

    /// <summary>
    /// Each table with its name — its caption, or else the nearest heading before it (which becomes its caption) — and
    /// the section (h1) it is in, in one walk of the document.
    /// </summary>
    public static IEnumerable<(IElement Table, string Name, string Section)> NamedTables(IDocument document)
    {
        var (heading, section) = ("", "");
        foreach (var element in document.All)
        {
            if (element.LocalName is "h1" or "h2" or "h3") heading = Text(element);
            if (element.LocalName == "h1") section = heading;
            else if (element.LocalName == "table")
                yield return (element, element.QuerySelector("caption") is { } caption ? Text(caption) : heading, section);
        }
    }

    /// <summary>An element's text as a reader sees it: runs of white space as one space, trimmed.</summary>
    /// A line break is a space ("37.5%", a break, "3 of 8 upheld" reads as two phrases, not "37.5%3").
    public static string Text(INode node)
    {
        var text = new StringBuilder();
        foreach (var n in node.Descendants())
        {
            if (n is IText t) text.Append(t.Data);
            else if (n is IElement { LocalName: "br" }) text.Append(' ');
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Contain(IDocument document, IElement table, string name)
    {
        if (table.QuerySelector("caption") is null && name.Length > 0)
        {
            var caption = document.CreateElement("caption");
            caption.ClassName = "visually-hidden";
            caption.TextContent = name;
            table.Prepend(caption);
        }
        foreach (var row in table.QuerySelectorAll("tr"))
        {
            var cells = row.Children.Where(c => c.LocalName is "th" or "td").ToList();
            // A row of header cells heads columns; a header cell among data cells heads its row.
            var scope = cells.All(c => c.LocalName == "th") ? "col" : "row";
            foreach (var th in cells.Where(c => c.LocalName == "th" && !c.HasAttribute("scope"))) th.SetAttribute("scope", scope);
        }
        if (table.ParentElement is { } parent && parent.ClassList.Contains("table-scroll")) return;
        var region = document.CreateElement("div");
        region.ClassName = "table-scroll";
        region.SetAttribute("role", "region");
        region.SetAttribute("tabindex", "0");
        region.SetAttribute("aria-label", name.Length > 0 ? name : "Table");
        table.Parent!.ReplaceChild(region, table);
        region.AppendChild(table);
    }
}
