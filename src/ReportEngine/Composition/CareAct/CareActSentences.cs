using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.CareAct;

/// <summary>The sentences operations.md asks the pack to print, written from the figures as pack-style.md words them.</summary>
public static class CareActSentences
{
    /// <summary>What someone waits for, as the sentence names it.</summary>
    public static string Noun(WaitKind kind) => kind switch
    {
        WaitKind.CareActAssessment => "a Care Act assessment",
        WaitKind.CarerAssessment => "a carer's assessment",
        WaitKind.OtAssessment => "an occupational therapy assessment",
        WaitKind.FinancialAssessment => "a financial assessment",
        _ => "a requested review",
    };

    /// <summary>"On 31 January 2024, 412 people were waiting for a Care Act assessment: half had waited 38 days or more, …".</summary>
    public static string Waiting(WaitsOfKind k, DateOnly end)
    {
        var on = ReportFormat.Date(end);
        var noun = Noun(k.Kind);
        if (k.Waiting == 0) return $"No one was waiting for {noun} on {on}.";
        if (k.Waiting == 1)
            return $"On {on}, 1 person was waiting for {noun}, for {Days(k.LongestDaysWaiting)}{(k.OverSixMonths == 1 ? ", more than six months" : "")}.";
        return $"On {on}, {ReportFormat.Count(k.Waiting)} people were waiting for {noun}: half had waited {Days(k.MedianDaysWaiting)} or more, " +
               $"the longest {Days(k.LongestDaysWaiting)}, and {(k.OverSixMonths == 0 ? "none" : ReportFormat.Count(k.OverSixMonths))} more than six months.";
    }

    /// <summary>"Of 3,120 people in long-term support for a year, 2,465 (79.0%) were reviewed in the last 12 months."</summary>
    public static string Reviewed(ReviewMetrics m)
    {
        var r = m.Reviewed12m;
        if (r.Denominator == 0) return "No one had been in long-term support for the whole of the last 12 months.";
        return $"Of {ReportFormat.Count(r.Denominator)} {(r.Denominator == 1 ? "person" : "people")} in long-term support for a year, " +
               $"{ReportFormat.Count(r.Numerator)} ({ReportFormat.Pct(r)}) {(r.Numerator == 1 ? "was" : "were")} reviewed in the last 12 months.";
    }

    /// <summary>Concerns and their conversion; then, with the enquiries file, enquiries and Making Safeguarding Personal.</summary>
    public static string Safeguarding(SafeguardingMetrics m, ReportingPeriod period)
    {
        var text = $"{ReportFormat.Count(m.Concerns12m)} safeguarding {(m.Concerns12m == 1 ? "concern was" : "concerns were")} received between " +
                   $"{ReportFormat.R12Start(period)} and {ReportFormat.Month(period)}; " +
                   (m.Conversion12m.Value is null
                       ? "none was decided in that time."
                       : $"{ReportFormat.Pct(m.Conversion12m)} of those decided led to a section 42 enquiry.");
        if (m.Enquiries is not { } s) return text;
        text += s.Concluded12m == 0
            ? " No section 42 enquiry concluded in that time"
            : $" {ReportFormat.Count(s.Concluded12m)} {(s.Concluded12m == 1 ? "enquiry" : "enquiries")} concluded (median {Days(s.MedianDaysToConclude12m)})";
        text += $"; {ReportFormat.Count(s.OpenAtEnd)} {(s.OpenAtEnd == 1 ? "was" : "were")} open on {ReportFormat.Date(period.End)}" +
                (s.OpenAtEnd == 0 ? "." : $", {ReportFormat.Count(s.OpenOverSixMonths)} for over six months.");
        if (s.MspAsked12m.Value is not null)
        {
            text += $" People were asked what they wanted in {ReportFormat.Pct(s.MspAsked12m)}";
            text += s.MspAchieved12m.Value is null
                ? "."
                : $"; where they said, it was fully or partially achieved in {ReportFormat.Pct(s.MspAchieved12m)}.";
        }
        return text;
    }

    /// <summary>"1,204 DoLS applications were not completed on 31 January 2024, the oldest received 402 days earlier. …"</summary>
    public static string Dols(DolsMetrics m, DateOnly end)
    {
        var text = m.NotCompletedAtEnd == 0
            ? $"Every DoLS application received by {ReportFormat.Date(end)} had been completed."
            : $"{ReportFormat.Count(m.NotCompletedAtEnd)} DoLS {(m.NotCompletedAtEnd == 1 ? "application was" : "applications were")} not completed on " +
              $"{ReportFormat.Date(end)}, the oldest received {Days(m.LongestWaitDays)} earlier.";
        var closed = ReportFormat.Count(m.ClosedWithoutDecision12m);
        var were = m.ClosedWithoutDecision12m == 1 ? "was" : "were";
        text += m.Within21Days12m.Value is null
            ? $" No standard application was decided in the last 12 months; {closed} {were} closed without a decision."
            : $" {ReportFormat.Pct(m.Within21Days12m)} of standard applications decided in the last 12 months met the 21-day statutory timeframe; " +
              $"{closed} more {were} closed without a decision.";
        return text;
    }

    /// <summary>One sentence naming each file a section could not use; null when every file was supplied.</summary>
    public static string? NotSupplied(IEnumerable<(string File, bool Supplied)> files)
    {
        var missing = files.Where(f => !f.Supplied).Select(f => f.File).ToList();
        return missing.Count switch
        {
            0 => null,
            1 => $"This section has no figures from {missing[0]}, which was not supplied.",
            _ => $"This section has no figures from {string.Join(", ", missing[..^1])} or {missing[^1]}, which were not supplied.",
        };
    }

    private static string Days(double? days) => days is { } d ? $"{ReportFormat.Number(d, d % 1 == 0 ? 0 : 1)} {(d == 1 ? "day" : "days")}" : ReportFormat.NotAvailable;
}
