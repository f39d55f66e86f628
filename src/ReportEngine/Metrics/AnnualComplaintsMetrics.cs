using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>
/// The figures that the annual complaints report adds to the monthly pack's for March (reports.md): for business year
/// Y with M = March of its second year, E = 31 March, R12 = Y and P12 the year before.
/// </summary>
public sealed record AnnualComplaintsMetrics(
    int Withdrawn12m,
    IReadOnlyList<LongRunningComplaint> OverSixMonths,
    IReadOnlyList<AreaCount> ServiceAreas,
    IReadOnlyList<AreaCount> ServiceAreasPrevious,
    IReadOnlyList<OmbudsmanYearCases> OmbudsmanCases,
    IReadOnlyList<RecordedLearning>? Learning,
    OutcomeCounts Outcomes,
    OutcomeCounts OutcomesPrevious)
{
    public const int LongRunningMonths = 6;

    public static AnnualComplaintsMetrics Compute(EvidenceSet evidence, ReportingPeriod march, OmbudsmanMetrics ombudsman)
    {
        var e = march.End;
        var complaints = evidence.Complaints;
        var respondedR12 = complaints.Where(c => c.RespondedDate is { } r && r <= e && march.InR12(r)).ToList();
        var longRunning = respondedR12
            .Where(c => c.RespondedDate!.Value > SixMonthsAfter(c))
            .Select(c => new LongRunningComplaint(c.Ref, c.ServiceArea, c.ReceivedDate, c.RespondedDate))
            .Concat(complaints
                .Where(c => c.ReceivedDate <= e && !(c.RespondedDate <= e) && e > SixMonthsAfter(c))
                .Select(c => new LongRunningComplaint(c.Ref, c.ServiceArea, c.ReceivedDate, null)))
            .OrderBy(c => c.ReceivedDate).ThenBy(c => c.Ref, StringComparer.Ordinal)
            .ToList();
        var areaOf = complaints.ToDictionary(c => c.Ref, c => c.ServiceArea, StringComparer.Ordinal);

        return new AnnualComplaintsMetrics(
            respondedR12.Count(c => c.Outcome == ComplaintOutcome.Withdrawn),
            longRunning,
            AreasReceived(complaints, march.InR12),
            AreasReceived(complaints, march.InP12),
            ombudsman.Years.Select(y => new OmbudsmanYearCases(y.BusinessYear,
                evidence.OmbudsmanCases.Where(c => c.BusinessYear == y.BusinessYear && c.DecisionDate <= e)
                    .GroupBy(c => c.Decision).ToDictionary(g => g.Key, g => g.Count()))).ToList(),
            evidence.ComplaintLearning?
                .Where(l => march.InR12(l.RecordedOn))
                .OrderBy(l => l.RecordedOn).ThenBy(l => l.ComplaintRef, StringComparer.Ordinal)
                .Select(l => new RecordedLearning(l, areaOf.GetValueOrDefault(l.ComplaintRef, "")))
                .ToList(),
            OutcomeCounts.Answered(complaints, march),
            OutcomeCounts.Answered(complaints, march.Shift(-12)));
    }

    /// <summary>
    /// The long-running complaints as the report prints them: by service area, answered after more than six months and
    /// still open after more than six months. The report is published, so it gives no complaint's reference or dates.
    /// </summary>
    public IReadOnlyList<LongRunningArea> LongRunningByArea => OverSixMonths
        .GroupBy(c => c.ServiceArea, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new LongRunningArea(g.Key, g.Count(c => c.RespondedDate is not null), g.Count(c => c.RespondedDate is null)))
        .ToList();

    /// <summary>The date six calendar months after receipt (the same day, or the last day of a shorter month).</summary>
    public static DateOnly SixMonthsAfter(Complaint c) => CalendarEnds.AddMonths(c.ReceivedDate, LongRunningMonths);

    private static IReadOnlyList<AreaCount> AreasReceived(IEnumerable<Complaint> complaints, Func<DateOnly, bool> inWindow) =>
        complaints.Where(c => inWindow(c.ReceivedDate))
            .GroupBy(c => c.ServiceArea, StringComparer.Ordinal)
            .Select(g => new AreaCount(g.Key, g.Count()))
            .OrderBy(a => a.Area, StringComparer.Ordinal)
            .ToList();

    /// <summary>The keys reports.md adds for the year, in the order metrics.json lists them.</summary>
    public IEnumerable<KeyValuePair<string, MetricValue>> ComplaintKeys()
    {
        yield return K("complaints.withdrawn_12m", N(Withdrawn12m));
        yield return K("complaints.over_6_months", N(OverSixMonths.Count));
        foreach (var a in ServiceAreas) yield return K($"complaints.service_area.{a.Area}", N(a.Count));
    }

    public IEnumerable<KeyValuePair<string, MetricValue>> OmbudsmanAndLearningKeys()
    {
        foreach (var y in OmbudsmanCases) yield return K($"lgsco.cases.{y.BusinessYear}", N(y.Cases));
        if (Learning is not null) yield return K("complaints.learning_recorded_12m", N(Learning.Count));
    }
}

/// <summary>A complaint answered more than six months after it was received, or open at E for longer than that.</summary>
/// <param name="RespondedDate">Null when still open at E.</param>
public sealed record LongRunningComplaint(string Ref, string ServiceArea, DateOnly ReceivedDate, DateOnly? RespondedDate);

public sealed record AreaCount(string Area, int Count);

/// <summary>
/// How the complaints answered in a year ended (printed beside the year before): the year R12 of its March, each answer
/// as known at that March's end. Upheld and partly upheld are the well-founded (<c>complaints.uphold_rate_pct</c>'s numerator).
/// </summary>
public sealed record OutcomeCounts(int Upheld, int PartlyUpheld, int NotUpheld, int Withdrawn)
{
    public int Total => Upheld + PartlyUpheld + NotUpheld + Withdrawn;

    public static OutcomeCounts Answered(IReadOnlyList<Complaint> complaints, ReportingPeriod march)
    {
        var answered = complaints.Where(c => c.RespondedDate is { } r && r <= march.End && march.InR12(r)).ToList();
        int Count(ComplaintOutcome outcome) => answered.Count(c => c.Outcome == outcome);
        return new OutcomeCounts(Count(ComplaintOutcome.Upheld), Count(ComplaintOutcome.PartlyUpheld), Count(ComplaintOutcome.NotUpheld), Count(ComplaintOutcome.Withdrawn));
    }
}

/// <summary>A service area's complaints that took more than six months: answered after that long, and still open after it.</summary>
public sealed record LongRunningArea(string Area, int Answered, int StillOpen);

/// <summary>An Ombudsman business year's cases decided by E, by decision.</summary>
public sealed record OmbudsmanYearCases(string BusinessYear, IReadOnlyDictionary<OmbudsmanDecision, int> ByDecision)
{
    public int Cases => ByDecision.Values.Sum();

    public int Count(OmbudsmanDecision decision) => ByDecision.GetValueOrDefault(decision);
}

/// <summary>A row of complaint_learning.csv with its complaint's service area.</summary>
public sealed record RecordedLearning(ComplaintLearning Row, string ServiceArea);
