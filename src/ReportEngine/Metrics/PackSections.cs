namespace ReportEngine.Metrics;

/// <summary>
/// The monthly pack's sections that print figures, in the pack's order, each with the starts of its figures' keys: the
/// order "How we compare" groups its rows in and bottom-quarter figures are listed in, and the section a figure is found
/// in when no place of its own is marked.
/// </summary>
public static class PackSections
{
    public const string Scorecard = "Quality statement scorecard";
    public const string AssessingNeeds = "Assessing needs: waits and reviews";
    public const string Safeguarding = "Safeguarding and DoLS";
    public const string Complaints = "Complaints and learning from feedback";
    public const string Workforce = "Workforce learning and development";
    public const string Actions = "Improvement actions";

    public static IReadOnlyList<(string Title, string[] Starts)> All { get; } =
    [
        (Scorecard, ["readiness."]),
        (AssessingNeeds, ["waits.", "reviews."]),
        (Safeguarding, ["safeguarding.", "dols."]),
        (Complaints, ["complaints.", "lgsco."]),
        (Workforce, ["training.", "supervision.", "workforce."]),
        (Actions, ["actions."]),
    ];

    /// <summary>The place of <paramref name="key"/>'s section in <see cref="All"/>; <c>All.Count</c> for a key of none.</summary>
    public static int IndexOf(string key)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i].Starts.Any(start => key.StartsWith(start, StringComparison.Ordinal))) return i;
        return All.Count;
    }
}
