using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>Improvement actions created by E: what is open, by RAG, and what is overdue.</summary>
public sealed record ActionMetrics(
    int Open,
    int Overdue,
    int OpenRed,
    int OpenAmber,
    int OpenGreen,
    Ratio CompletedOnTime12m,
    IReadOnlyList<ImprovementAction> OverdueActions,
    IReadOnlyList<ImprovementAction> OpenActions)
{
    public static ActionMetrics Compute(EvidenceSet evidence, ReportingPeriod period) => Of(evidence.Actions, period);

    /// <summary>The same figures over some of the actions (those of one quality statement, say).</summary>
    public static ActionMetrics Of(IEnumerable<ImprovementAction> actions, ReportingPeriod period)
    {
        var e = period.End;
        var known = actions.Where(a => a.CreatedOn <= e).ToList();
        var open = known.Where(a => a.CompletedDate is null || a.CompletedDate > e).ToList();
        var overdue = open.Where(a => a.DueDate < e).OrderBy(a => a.DueDate).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        return new ActionMetrics(
            open.Count,
            overdue.Count,
            open.Count(a => a.Rag == Rag.Red),
            open.Count(a => a.Rag == Rag.Amber),
            open.Count(a => a.Rag == Rag.Green),
            Ratio.Percent(known.Where(a => period.InR12(a.CompletedDate)), a => a.CompletedDate <= a.DueDate),
            overdue,
            open.OrderBy(a => a.DueDate).ThenBy(a => a.Id, StringComparer.Ordinal).ToList());
    }
}
