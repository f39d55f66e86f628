using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ReportEngine.Composition;
using ReportEngine.Printing;

namespace ReportEngine.Rendering;

/// <summary>
/// Page numbers a report prints before it is printed. The document is composed with a contents list whose pages are
/// stand-in numbers (far above any page count, one per heading), so that every place a template prints a section's
/// page, in the contents or in a sentence, carries which section it is; each stand-in is then replaced by
/// <see cref="PageNumberPatch.Placeholder"/>, and the order they came in is the order the printed placeholders are
/// given their numbers.
/// </summary>
internal static partial class PageReferences
{
    private const int StandInBase = 2_000_000_000;

    /// <summary>The most headings a contents list may have for its numbers to be written into the printed PDF.</summary>
    private const int MaxHeadings = 100;

    /// <summary>The top-level headings of a composed document, as the printed PDF's bookmarks will name them.</summary>
    public static IReadOnlyList<string> Headings(string html) =>
        Heading().Matches(html).Select(m => Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")), " ").Trim()).ToList();

    /// <summary>
    /// Contents entries whose pages are stand-ins; null when there are too many headings, or when the document already
    /// prints a number that looks like a stand-in (from the data), which would be taken for one.
    /// </summary>
    public static IReadOnlyList<ContentsEntry>? StandIns(IReadOnlyList<string> headings, string html) =>
        headings.Count is 0 or > MaxHeadings || StandIn().IsMatch(html) ? null
            : headings.Select((title, i) => new ContentsEntry(title, StandInBase + i)).ToList();

    /// <summary>
    /// The document with each stand-in replaced by the placeholder, and the heading each one stood for, in order; null
    /// when a template printed a stand-in formatted (2,000,000,001), which no placeholder could take the place of.
    /// </summary>
    public static (string Html, IReadOnlyList<int> Headings)? Mark(string html)
    {
        var order = new List<int>();
        var marked = StandIn().Replace(html, m =>
        {
            order.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            return PageNumberPatch.Placeholder;
        });
        return FormattedStandIn().IsMatch(marked) ? null : (marked, order);
    }

    [GeneratedRegex(@"<h1\b[^>]*>(.*?)</h1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A stand-in with a thousands separator (a comma, a stop or a space of any width).</summary>
    [GeneratedRegex(@"(?<![0-9])2[,.\s]000[,.\s]000[,.\s]0[0-9]{2}(?![0-9])")]
    private static partial Regex FormattedStandIn();

    /// <summary>2,000,000,000 to 2,000,000,099, whole.</summary>
    [GeneratedRegex(@"(?<![0-9])20000000([0-9]{2})(?![0-9])")]
    private static partial Regex StandIn();
}
