namespace ReportEngine.Composition;

/// <summary>
/// Where things are printed, known before the report is (from a print of it): the top-level headings with the pages
/// they start on (the contents), and each <em>place</em> with its page. A place is an element a template marks with
/// <c>id="place-NAME"</c> (a figure's tile or table row) so that a sentence elsewhere can say on which page it is.
/// </summary>
public sealed record PageNumbers(IReadOnlyList<ContentsEntry> Contents, IReadOnlyDictionary<string, int> Places)
{
    /// <summary>The prefix of a place's element id.</summary>
    public const string PlacePrefix = "place-";

    /// <summary>Nothing known yet: the first composition of a report.</summary>
    public static readonly PageNumbers None = new([], new Dictionary<string, int>());

    /// <summary>The page a heading starts on; null when the report has no such heading.</summary>
    public int? Section(string title) => Contents.FirstOrDefault(e => e.Title == title)?.Page;

    /// <summary>The page the place <paramref name="name"/> is printed on; null when the report has no such place.</summary>
    public int? Place(string name) => Places.TryGetValue(name, out var page) ? page : null;

    /// <summary>The same headings, pages and places as <paramref name="other"/>.</summary>
    public bool SameAs(PageNumbers other) =>
        Contents.SequenceEqual(other.Contents) && Places.Count == other.Places.Count &&
        Places.All(p => other.Places.TryGetValue(p.Key, out var page) && page == p.Value);
}
