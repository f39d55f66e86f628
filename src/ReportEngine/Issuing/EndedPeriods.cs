using System.Globalization;
using ReportEngine.Metrics;

namespace ReportEngine.Issuing;

/// <summary>
/// A report is made only for a period that has ended: a month still running (or years ahead) would count part of a
/// month as the whole of it, be signed into the archive for ever and then stand in the way of the real report. "Today"
/// is the day in the service's time zone (<c>ReportEngine:TimeZone</c>, Europe/London by default), as the schedules
/// see it: a period ends at the end of its last day, so January's report can be made from 1 February.
/// </summary>
public sealed class EndedPeriods(TimeProvider clock, TimeZoneInfo zone)
{
    public DateOnly Today => DayOf(clock.GetUtcNow());

    /// <summary>The day a moment falls on in the time zone.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);

    /// <summary>The moment today began in the time zone: what "a day" counts from (regenerations per day).</summary>
    public DateTimeOffset TodayBegan
    {
        get
        {
            var midnight = Today.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }
    }

    /// <summary>Why no report may be made yet for <paramref name="period"/>; null when it has ended.</summary>
    public string? WhyNot(ReportPeriod period)
    {
        var today = Today;
        return period.End < today ? null
            : $"{period.Words} has not ended (today is {today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} in {zone.Id}); " +
              $"a report is made only for a period that has ended, from {period.End.AddDays(1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
    }
}
