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

    public static ConcernIndex ConcernsOf(IReadOnlyList<SafeguardingConcern> concerns) => Concerns.GetValue(concerns, static list => new ConcernIndex(
        list.GroupBy(c => c.PersonId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(c => c.ReceivedOn).Order().ToArray(), StringComparer.Ordinal),
        list.Where(c => c.Decision == ConcernDecision.S42Enquiry).Select(c => c.Id).ToHashSet(StringComparer.Ordinal)));

    /// <summary>From one day to another, both included (<see cref="DateOnly.MaxValue"/>: no end yet).</summary>
    internal readonly record struct Span(DateOnly From, DateOnly To);
}

/// <summary>Each person's concern dates, sorted, and the concerns decided to need a section 42 enquiry.</summary>
internal sealed record ConcernIndex(IReadOnlyDictionary<string, DateOnly[]> ReceivedByPerson, IReadOnlySet<string> S42Concerns)
{
    /// <summary>Whether the person had a concern received in [<paramref name="from"/>, <paramref name="before"/>).</summary>
    public bool HadConcernBetween(string person, DateOnly from, DateOnly before)
    {
        var dates = ReceivedByPerson[person];
        var i = Array.BinarySearch(dates, from);
        if (i < 0) i = ~i;
        else while (i > 0 && dates[i - 1] == from) i--;
        return i < dates.Length && dates[i] < before;
    }
}
