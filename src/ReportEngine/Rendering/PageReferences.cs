using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ReportEngine.Composition;
using ReportEngine.Printing;

namespace ReportEngine.Rendering;

/// <summary>
/// Page numbers a report prints before it is printed. The document is composed with a contents list and places whose
/// pages are stand-in numbers (far above any page count, one per heading and one per place), so that every place a
/// template prints a section's or a place's page, in the contents or in a sentence, carries which one it is; each
/// stand-in is then replaced by
/// <see cref="PageNumberPatch.Placeholder"/>, and the order they came in is the order the printed placeholders are
/// given their numbers.
/// </summary>
internal static partial class PageReferences
{
    private const int StandInBase = 2_000_000_000;

    /// <summary>The most headings and places a report may have for their numbers to be written into the printed PDF.</summary>
    private const int MaxReferences = 1000;

    /// <summary>The top-level headings of a composed document, as the printed PDF's bookmarks will name them.</summary>
    public static IReadOnlyList<string> Headings(string html) =>
        Heading().Matches(html).Select(m => Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")), " ").Trim()).ToList();

    /// <summary>The places of a composed document (<see cref="PageNumbers.PlacePrefix"/>), by name, in document order.</summary>
    public static IReadOnlyList<string> Places(string html) =>
        Place().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Headings and places whose pages are stand-ins: heading i is numbered StandInBase + i, and the places follow the
    /// headings. Null when there are too many, or when the document already prints a number that looks like a stand-in
    /// (from the data), which would be taken for one.
    /// </summary>
    public static PageNumbers? StandIns(IReadOnlyList<string> headings, IReadOnlyList<string> places, string html) =>
        headings.Count is 0 || headings.Count + places.Count > MaxReferences || StandIn().IsMatch(html) ? null
            : new PageNumbers(
                headings.Select((title, i) => new ContentsEntry(title, StandInBase + i)).ToList(),
                places.Select((name, j) => (name, j)).ToDictionary(p => p.name, p => StandInBase + headings.Count + p.j, StringComparer.Ordinal));

    /// <summary>
    /// The page of each stand-in a document printed with <see cref="StandIns"/> printed, in <paramref name="order"/>
    /// (indexes: the headings, then <paramref name="places"/>); null when a place has no page in the print.
    /// </summary>
    public static IReadOnlyList<int>? Pages(IReadOnlyList<int> order, IReadOnlyList<string> places, PageNumbers printed)
    {
        var pages = new List<int>(order.Count);
        foreach (var i in order)
        {
            if (i < printed.Contents.Count) pages.Add(printed.Contents[i].Page);
            else if (printed.Place(places[i - printed.Contents.Count]) is { } page) pages.Add(page);
            else return null;
        }
        return pages;
    }

    /// <summary>
    /// The document with each stand-in replaced by the placeholder, and the index each one stood for, in order; null
    /// when a template printed a stand-in formatted (2,000,000,001), which no placeholder could take the place of.
    /// </summary>
    public static (string Html, IReadOnlyList<int> Order)? Mark(string html)
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

    [GeneratedRegex(@"\bid=""place-([^""]+)""")]
    private static partial Regex Place();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A stand-in with a thousands separator (a comma, a stop or a space of any width).</summary>
    [GeneratedRegex(@"(?<![0-9])2[,.\s]000[,.\s]000[,.\s][0-9]{3}(?![0-9])")]
    private static partial Regex FormattedStandIn();

    /// <summary>2,000,000,000 to 2,000,000,999, whole.</summary>
    [GeneratedRegex(@"(?<![0-9])2000000([0-9]{3})(?![0-9])")]
    private static partial Regex StandIn();
}
