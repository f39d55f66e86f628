using ReportEngine.Evidence;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Metrics;

/// <summary>Complaints figures of metrics.md, as at the end of the period.</summary>
public sealed record ComplaintMetrics(
    int ReceivedMonth,
    int Received12m,
    int ReceivedPrev12m,
    IReadOnlyList<MonthCount> ReceivedByMonth,
    Ratio AcknowledgedOnTime,
    Ratio RespondedOnTime,
    double? MedianResponseWorkingDays,
    Ratio UpholdRate,
    Ratio UpholdRatePrevious,
    Ratio QaReviewed,
    int OpenAtEnd,
    int OverdueOpen,
    IReadOnlyList<ThemeCount> Themes)
{
    public static ComplaintMetrics Compute(EvidenceSet evidence, ReportingPeriod period)
    {
        var e = period.End;
        var calendar = evidence.BankHolidays;
        var complaints = evidence.Complaints;
        // As at E: a response after E has not happened yet.
        DateOnly? RespondedAsAtE(Complaint c) => c.RespondedDate <= e ? c.RespondedDate : null;

        var receivedR12 = complaints.Where(c => period.InR12(c.ReceivedDate)).ToList();
        var respondedR12 = complaints.Where(c => period.InR12(RespondedAsAtE(c))).ToList();
        var open = complaints.Where(c => c.ReceivedDate <= e && RespondedAsAtE(c) is null).ToList();

        return new ComplaintMetrics(
            ReceivedMonth: complaints.Count(c => period.InMonth(c.ReceivedDate)),
            Received12m: receivedR12.Count,
            ReceivedPrev12m: complaints.Count(c => period.InP12(c.ReceivedDate)),
            ReceivedByMonth: period.R12Months.Select(m => new MonthCount(m, receivedR12.Count(c => m.InMonth(c.ReceivedDate)))).ToList(),
            AcknowledgedOnTime: AcknowledgementsOnTime(receivedR12, e, calendar),
            RespondedOnTime: Ratio.Percent(respondedR12, c => c.RespondedDate <= c.DueDate),
            MedianResponseWorkingDays: Statistics.Median(respondedR12.Select(c => WorkingDays.Between(c.ReceivedDate, c.RespondedDate!.Value, calendar))),
            UpholdRate: UpholdRateOf(respondedR12),
            UpholdRatePrevious: UpholdRateOf(complaints.Where(c => c.RespondedDate is { } r && period.InP12(r))),
            QaReviewed: Ratio.Percent(respondedR12, c => c.QaReviewed),
            OpenAtEnd: open.Count,
            OverdueOpen: open.Count(c => c.DueDate < e),
            Themes: receivedR12.SelectMany(c => c.Themes.Distinct())
                .GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => new ThemeCount(g.Key, g.Count()))
                .OrderByDescending(t => t.Count).ThenBy(t => t.Code, StringComparer.Ordinal)
                .ToList());
    }

    /// <summary>The <c>complaints.*</c> keys of metrics.md.</summary>
    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        yield return K("complaints.received_month", N(ReceivedMonth));
        yield return K("complaints.received_12m", N(Received12m));
        yield return K("complaints.received_prev_12m", N(ReceivedPrev12m));
        foreach (var m in ReceivedByMonth) yield return K($"complaints.received_by_month.{m.Month}", N(m.Count));
        yield return K("complaints.ack_on_time_pct", AcknowledgedOnTime);
        yield return K("complaints.response_on_time_pct", RespondedOnTime);
        yield return K("complaints.median_response_wd", new NumberValue(MedianResponseWorkingDays));
        yield return K("complaints.uphold_rate_pct", UpholdRate);
        yield return K("complaints.uphold_rate_prev_pct", UpholdRatePrevious);
        yield return K("complaints.qa_reviewed_pct", QaReviewed);
        yield return K("complaints.open_at_end", N(OpenAtEnd));
        yield return K("complaints.overdue_open", N(OverdueOpen));
        foreach (var t in Themes) yield return K($"complaints.theme.{t.Code}", N(t.Count));
    }

    private static Ratio AcknowledgementsOnTime(IEnumerable<Complaint> receivedR12, DateOnly e, BankHolidayCalendar calendar)
    {
        long due = 0, onTime = 0;
        foreach (var c in receivedR12)
        {
            var deadline = WorkingDays.AcknowledgementDeadline(c.ReceivedDate, calendar);
            if (deadline > e) continue;
            due++;
            if (c.AcknowledgedDate <= deadline) onTime++;
        }
        return Ratio.Percent(onTime, due);
    }

    private static Ratio UpholdRateOf(IEnumerable<Complaint> responded) =>
        Ratio.Percent(
            responded.Where(c => c.Outcome is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld or ComplaintOutcome.NotUpheld),
            c => c.Outcome is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld);
}

public sealed record MonthCount(ReportingPeriod Month, int Count);

public sealed record ThemeCount(string Code, int Count);
