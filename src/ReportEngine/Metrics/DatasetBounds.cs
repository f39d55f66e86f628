using System.Globalization;
using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// Which periods a dataset can report on (coverage.md): the day it was extracted, the first and last of its records'
/// dates, and what coverage.csv says each event file covers. Small enough to keep beside an imported authority, so a
/// request can be answered without reading the evidence.
/// </summary>
/// <param name="Coverage">coverage.csv's rows; null when the dataset has no coverage.csv.</param>
/// <param name="EventFiles">The event files the dataset has.</param>
public sealed record DatasetBounds(
    DateOnly? ExtractedOn, DateOnly? FirstRecord, DateOnly? LastRecord, IReadOnlyList<FileCoverage>? Coverage, IReadOnlyList<string> EventFiles)
{
    public static DatasetBounds Of(EvidenceSet evidence)
    {
        var days = RecordDates(evidence).ToList();
        return new DatasetBounds(evidence.Authority.ExtractedOn, days.Count > 0 ? days.Min() : null, days.Count > 0 ? days.Max() : null,
            evidence.Coverage, [.. Evidence.EventFiles.SuppliedIn(evidence)]);
    }

    /// <summary>Why no report may be made for <paramref name="period"/>; null when one may.</summary>
    public string? WhyNot(ReportPeriod period)
    {
        if (ExtractedOn is { } extracted && period.End > extracted)
            return $"the dataset was extracted on {Day(extracted)}; a report for {period.Words} would count days not yet recorded";

        // The twelve months the period's figures mostly read (for a business year, the year itself).
        var first = period.LastMonth.R12Start;
        var last = period.End;
        if (Coverage is not null)
        {
            var coverage = DatasetCoverage.From(ExtractedOn, Coverage, EventFiles);
            return EventFiles.Any(file => coverage.CoversAnyDay(file, first, last)) ? null
                : $"no file of the dataset covers any day from {Day(first)} to {Day(last)} (coverage.csv); a report for {period.Words} would have no figures";
        }
        // Without coverage.csv or extracted_on the records' own dates are all there is to go by; with extracted_on, a quiet
        // month after the last record is still a month the data reaches.
        if (ExtractedOn is null && FirstRecord is { } earliest && LastRecord is { } latest && (period.End < earliest || period.Start > latest))
            return $"the dataset's records run from {Day(earliest)} to {Day(latest)}; a report for {period.Words} would have none";
        return null;
    }

    /// <summary>
    /// The periods of <paramref name="type"/> a report may be made for, newest first: every one from the period of the
    /// earliest record (or covered day) to the period of the extraction (or the last record) that <see cref="WhyNot"/>
    /// does not refuse. Empty when the dataset gives no dates to go by.
    /// </summary>
    public IReadOnlyList<ReportPeriod> Offered(PeriodType type)
    {
        var starts = (Coverage ?? []).Select(c => c.CoversFrom).Append(FirstRecord).OfType<DateOnly>().ToList();
        var end = ExtractedOn ?? LastRecord;
        if (starts.Count == 0 || end is not { } last) return [];
        var periods = new List<ReportPeriod>();
        for (var period = type.Containing(last); period.End >= starts.Min(); period = period.Previous)
            if (WhyNot(period) is null) periods.Add(period);
        return periods;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>coverage.md's dates that say when a dataset's records run.</summary>
    private static IEnumerable<DateOnly> RecordDates(EvidenceSet e)
    {
        foreach (var c in e.Complaints)
        {
            yield return c.ReceivedDate;
            if (c.RespondedDate is { } responded) yield return responded;
        }
        foreach (var t in e.Training) yield return t.CompletedDate;
        foreach (var a in e.Actions)
        {
            yield return a.CreatedOn;
            if (a.CompletedDate is { } completed) yield return completed;
        }
        foreach (var s in e.Supervisions) yield return s.HeldDate;
        foreach (var f in e.Findings) yield return f.EvidenceDate;
        foreach (var s in e.Scores) yield return s.AssessedOn;
        foreach (var c in e.OmbudsmanCases) yield return c.DecisionDate;
        var o = e.Operations;
        foreach (var w in o.Waits ?? []) yield return w.RequestedOn;
        foreach (var c in o.Concerns ?? []) yield return c.ReceivedOn;
        foreach (var d in o.Dols ?? []) yield return d.ReceivedOn;
        foreach (var l in o.LongTermSupport ?? []) yield return l.StartDate;
        foreach (var q in o.Enquiries ?? []) if (q.ConcludedOn is { } concluded) yield return concluded;
    }
}
