using System.Runtime.CompilerServices;
using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// Lookups the Care Act figures need in each of the 24 months a trend covers, built once per dataset rather than once a
/// month. Memoised against the evidence list itself, so a figure is still a function of the evidence and the period alone.
/// </summary>
internal static class CareActIndexes
{
    private static readonly ConditionalWeakTable<IReadOnlyList<SupportEpisode>, IReadOnlyList<(string Person, Span[] Spans)>> Support = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<SafeguardingConcern>, ConcernIndex> Concerns = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<Wait>, WaitsByKind> Waits = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<SupportReview>, ReviewIndex> Reviews = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<SafeguardingEnquiry>, S42Enquiries> Enquiries = new();

    /// <summary>The waits of each kind.</summary>
    public static WaitsByKind WaitsOf(IReadOnlyList<Wait> waits) => Waits.GetValue(waits, static list =>
        new WaitsByKind(list.GroupBy(w => w.Kind).ToDictionary(g => g.Key, g => g.ToArray())));

    /// <summary>Each person's support spans (<see cref="SupportSpans"/>), and the reviews by day, each with its person's place among them.</summary>
    public static ReviewIndex ReviewsOf(IReadOnlyList<SupportEpisode> episodes, IReadOnlyList<SupportReview> reviews)
    {
        var index = Reviews.GetValue(reviews, list => Build(episodes, list));
        // The same reviews read beside other episodes (never so within one dataset) are indexed again rather than taken from the memo.
        return ReferenceEquals(index.Episodes, episodes) ? index : Build(episodes, reviews);

        static ReviewIndex Build(IReadOnlyList<SupportEpisode> episodes, IReadOnlyList<SupportReview> reviews)
        {
            var support = SupportSpans(episodes);
            var place = new Dictionary<string, int>(support.Count, StringComparer.Ordinal);
            for (var i = 0; i < support.Count; i++) place[support[i].Person] = i;
            // By day; the order of one day's reviews does not matter to whether a person was reviewed between two days.
            var (days, people) = (new DateOnly[reviews.Count], new int[reviews.Count]);
            for (var i = 0; i < days.Length; i++) (days[i], people[i]) = (reviews[i].CompletedOn, place.GetValueOrDefault(reviews[i].PersonId, -1));
            Array.Sort(days, people);
            return new ReviewIndex(episodes, support, days, people);
        }
    }

    /// <summary>The enquiries whose concern was decided <c>S42_ENQUIRY</c>, in the file's order.</summary>
    public static IReadOnlyList<SafeguardingEnquiry> S42EnquiriesOf(IReadOnlyList<SafeguardingConcern> concerns, IReadOnlyList<SafeguardingEnquiry> enquiries)
    {
        var s42 = Enquiries.GetValue(enquiries, list => new S42Enquiries(concerns, Select(list, concerns)));
        // The same enquiries read beside other concerns (never so within one dataset) are selected again rather than taken from the memo.
        return ReferenceEquals(s42.Concerns, concerns) ? s42.Rows : Select(enquiries, concerns);

        static SafeguardingEnquiry[] Select(IReadOnlyList<SafeguardingEnquiry> enquiries, IReadOnlyList<SafeguardingConcern> concerns)
        {
            var s42Concerns = ConcernsOf(concerns).S42Concerns;
            return enquiries.Where(x => s42Concerns.Contains(x.ConcernId)).ToArray();
        }
    }

    private sealed record S42Enquiries(IReadOnlyList<SafeguardingConcern> Concerns, SafeguardingEnquiry[] Rows);

    /// <summary>Each person's days of long-term support as merged spans: episodes that overlap, touch or follow on the next day are one span.</summary>
    public static IReadOnlyList<(string Person, Span[] Spans)> SupportSpans(IReadOnlyList<SupportEpisode> episodes) => Support.GetValue(episodes, static list =>
        list.GroupBy(e => e.PersonId, StringComparer.Ordinal)
            .Select(person =>
            {
                var spans = new List<Span>();
                foreach (var episode in person.OrderBy(e => e.StartDate))
                {
                    var to = episode.EndDate ?? DateOnly.MaxValue;
                    if (spans.Count > 0 && spans[^1].To != DateOnly.MaxValue && episode.StartDate <= spans[^1].To.AddDays(1))
                        spans[^1] = spans[^1] with { To = to > spans[^1].To ? to : spans[^1].To };
                    else if (spans.Count > 0 && spans[^1].To == DateOnly.MaxValue) continue; // already supported without end
                    else spans.Add(new Span(episode.StartDate, to));
                }
                return (person.Key, spans.ToArray());
            })
            .ToList());

    public static ConcernIndex ConcernsOf(IReadOnlyList<SafeguardingConcern> concerns) => Concerns.GetValue(concerns, static list =>
    {
        var received = list.GroupBy(c => c.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.ReceivedOn).Order().ToArray(), StringComparer.Ordinal);
        // A repeat: the same person had a concern in the twelve months before this one's day (the same day is not before it).
        var repeat = list.Select(c => HadConcernBetween(received[c.PersonId], CalendarEnds.AddMonths(c.ReceivedOn, -12), c.ReceivedOn)).ToArray();
        return new ConcernIndex(repeat, list.Where(c => c.Decision == ConcernDecision.S42Enquiry).Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
    });

    /// <summary>Whether one of the sorted <paramref name="dates"/> is in [<paramref name="from"/>, <paramref name="before"/>).</summary>
    private static bool HadConcernBetween(DateOnly[] dates, DateOnly from, DateOnly before)
    {
        var i = Array.BinarySearch(dates, from);
        if (i < 0) i = ~i;
        else while (i > 0 && dates[i - 1] == from) i--;
        return i < dates.Length && dates[i] < before;
    }

    /// <summary>From one day to another, both included (<see cref="DateOnly.MaxValue"/>: no end yet).</summary>
    internal readonly record struct Span(DateOnly From, DateOnly To);
}

/// <summary>
/// The people in long-term support (<see cref="CareActIndexes.SupportSpans"/>) and the reviews sorted by day, each with
/// its person's place in <see cref="Support"/> (−1: someone never in long-term support).
/// </summary>
internal sealed record ReviewIndex(
    IReadOnlyList<SupportEpisode> Episodes, IReadOnlyList<(string Person, CareActIndexes.Span[] Spans)> Support, DateOnly[] Days, int[] People)
{
    /// <summary>For each person of <see cref="Support"/>, whether a review was completed in (<paramref name="after"/>, <paramref name="to"/>].</summary>
    public bool[] ReviewedBetween(DateOnly after, DateOnly to)
    {
        var reviewed = new bool[Support.Count];
        for (var i = UpperBound(after); i < Days.Length && Days[i] <= to; i++)
            if (People[i] >= 0) reviewed[People[i]] = true;
        return reviewed;
    }

    /// <summary>The number of days on or before <paramref name="day"/>.</summary>
    private int UpperBound(DateOnly day)
    {
        int low = 0, high = Days.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Days[mid] <= day) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}

/// <summary>A dataset's waits of each kind, in the file's order.</summary>
internal sealed record WaitsByKind(IReadOnlyDictionary<WaitKind, Wait[]> Kinds)
{
    public Wait[] Of(WaitKind kind) => Kinds.GetValueOrDefault(kind) ?? [];
}

/// <summary>Whether each concern (in the file's order) is a repeat, and the concerns decided to need a section 42 enquiry.</summary>
internal sealed record ConcernIndex(bool[] IsRepeat, IReadOnlySet<string> S42Concerns);
