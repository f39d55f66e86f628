using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.CareAct;

/// <summary>
/// The monthly pack's two Care Act operations sections (operations.md): the figures now and a year earlier, the
/// sentences it asks for, and the one sentence naming files that were not supplied. A part whose files are missing is null.
/// </summary>
public sealed record CareActView(AssessingNeedsView AssessingNeeds, SafeguardingView Safeguarding)
{
    /// <param name="before">The same figures a year earlier; null where the report compares with nothing.</param>
    public static CareActView Of(CareActMetrics now, CareActMetrics? before, ReportingPeriod period, CareActEvidence files)
    {
        var end = period.End;
        var supplied = files.Files.ToDictionary(f => f.File, f => f.Supplied, StringComparer.Ordinal);
        IEnumerable<(string, bool)> Of(params string[] names) => names.Select(n => (n, supplied[n]));

        return new CareActView(
            new AssessingNeedsView(
                now.Waits?.Kinds.Select(k => new WaitRow(CodeNames.ToCode(k.Kind), Label(k.Kind), CareActSentences.Waiting(k, end), k,
                    before?.Waits?.Of(k.Kind))).ToList(),
                now.Reviews is { } reviews ? CareActSentences.Reviewed(reviews) : null,
                now.Reviews,
                before?.Reviews,
                CareActSentences.NotSupplied(Of(CareActEvidence.WaitsFile, CareActEvidence.LongTermSupportFile, CareActEvidence.ReviewsFile))),
            new SafeguardingView(
                now.Safeguarding is { } safeguarding ? CareActSentences.Safeguarding(safeguarding, period) : null,
                now.Safeguarding,
                before?.Safeguarding,
                now.Dols is { } dols ? CareActSentences.Dols(dols, end) : null,
                now.Dols,
                before?.Dols,
                CareActSentences.NotSupplied(Of(CareActEvidence.ConcernsFile, CareActEvidence.EnquiriesFile, CareActEvidence.DolsFile))));
    }

    private static string Label(WaitKind kind) => kind switch
    {
        WaitKind.CareActAssessment => "Care Act assessment",
        WaitKind.CarerAssessment => "Carer's assessment",
        WaitKind.OtAssessment => "Occupational therapy assessment",
        WaitKind.FinancialAssessment => "Financial assessment",
        _ => "Requested review",
    };
}

/// <summary>"Assessing needs: waits and reviews". <see cref="Waits"/> is null without waits.csv; the reviews without either of their files.</summary>
public sealed record AssessingNeedsView(
    IReadOnlyList<WaitRow>? Waits,
    string? ReviewSentence,
    ReviewMetrics? Reviews,
    ReviewMetrics? ReviewsYearEarlier,
    string? NotSupplied);

/// <summary>One kind of wait: its code (for its keys), its name, its sentence, and its figures now and a year earlier.</summary>
public sealed record WaitRow(string Code, string Label, string Sentence, WaitsOfKind Now, WaitsOfKind? YearEarlier);

/// <summary>"Safeguarding and DoLS": concerns and enquiries (null without the concerns file), and DoLS (null without its file).</summary>
public sealed record SafeguardingView(
    string? Sentence,
    SafeguardingMetrics? Now,
    SafeguardingMetrics? YearEarlier,
    string? DolsSentence,
    DolsMetrics? Dols,
    DolsMetrics? DolsYearEarlier,
    string? NotSupplied);
