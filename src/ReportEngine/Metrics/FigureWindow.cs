namespace ReportEngine.Metrics;

/// <summary>The days a figure's definition reads records for (coverage.md's windows), relative to the month M it is for.</summary>
public enum FigureWindow
{
    /// <summary>"in M": the month itself.</summary>
    Month,

    /// <summary>"in R12": the twelve months ending with M (for an annual report, its business year).</summary>
    R12,

    /// <summary>"in P12": the twelve months before R12.</summary>
    P12,

    /// <summary>R12 and the twelve months before it: a figure of R12 that looks back a year from each record (repeat concerns).</summary>
    R24,

    /// <summary>[E − 30 days, E].</summary>
    Last30Days,

    /// <summary>[E − 91 days, E].</summary>
    Last91Days,

    /// <summary>"at E": the single day E (open at E, waiting at E, compliance at E, active at E).</summary>
    AtEnd,
}

/// <summary>The first and last day of each <see cref="FigureWindow"/>.</summary>
public static class FigureWindows
{
    public static (DateOnly First, DateOnly Last) Days(this FigureWindow window, ReportingPeriod month) => window switch
    {
        FigureWindow.Month => (month.Start, month.End),
        FigureWindow.R12 => (month.R12Start, month.End),
        FigureWindow.P12 => (month.P12Start, month.P12End),
        FigureWindow.R24 => (month.P12Start, month.End),
        FigureWindow.Last30Days => (month.End.AddDays(-30), month.End),
        FigureWindow.Last91Days => (month.End.AddDays(-91), month.End),
        FigureWindow.AtEnd => (month.End, month.End),
        _ => throw new ArgumentOutOfRangeException(nameof(window)),
    };
}
