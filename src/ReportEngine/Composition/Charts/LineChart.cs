namespace ReportEngine.Composition.Charts;

/// <summary>
/// Geometry of a line chart of one figure month by month, with the target as a dashed line where there is one; a
/// template draws it as SVG. A month without a value breaks the line rather than dropping it to zero. Small charts
/// (sparklines) have no axes, only their first and last months and their scale beneath: the tile carries the figure.
/// A chart with fewer than two months to draw is not drawn; <see cref="Note"/> says why, or from which month it starts.
/// </summary>
/// <param name="Drawn">How many months have a value to draw.</param>
/// <param name="Scale">A small chart's scale, such as "0–100%".</param>
public sealed record LineChart(
    string AxisLabel,
    double Width,
    double Height,
    PlotArea Plot,
    IReadOnlyList<AxisTick> Ticks,
    IReadOnlyList<string> Segments,
    IReadOnlyList<LinePoint> Points,
    double? TargetY,
    string? TargetLabel,
    IReadOnlyList<AxisTick> MonthLabels,
    int Drawn,
    string Scale)
{
    /// <summary>What the reader should know of what is not drawn: the month it starts from, or why there is no line.</summary>
    public string? Note { get; init; }

    /// <param name="values">Each month's label and value, oldest first; null where the figure could not be computed.</param>
    /// <param name="percent">Whether the axis runs to 100 at most (a percentage).</param>
    public static LineChart Build(string axisLabel, IReadOnlyList<(string Label, double? Value)> values, double? target, Func<double?, string> format,
        bool percent, bool small = false)
    {
        var (width, height) = small ? (120.0, 40.0) : (640.0, 200.0);
        // A small chart keeps 10 below its line for its first and last months; a full one keeps room right of its last
        // month's label, which is centred on the plot's right edge.
        var plot = small ? new PlotArea(2, 3, width - 4, height - 3 - 13) : new PlotArea(Left: 56, Top: 12, Width: width - 56 - 22, Height: height - 12 - 34);
        var highest = values.Select(v => v.Value ?? 0).Append(target ?? 0).DefaultIfEmpty(0).Max();
        var axis = NiceAxis.For(percent ? Math.Min(100, Math.Max(highest, 1)) : Math.Max(highest, 1));
        double Y(double v) => plot.Top + plot.Height - v / axis.Max * plot.Height;
        var step = plot.Width / Math.Max(1, values.Count - 1);

        var points = values.Select((v, i) => new LinePoint(plot.Left + step * i, v.Value is { } x ? Y(x) : null, format(v.Value))).ToList();
        var segments = new List<string>();
        var run = new List<LinePoint>();
        foreach (var point in points.Append(new LinePoint(0, null, "")))
        {
            if (point.Y is not null)
            {
                run.Add(point);
                continue;
            }
            if (run.Count > 0)
                segments.Add(string.Join(' ', run.Select((p, i) => $"{(i == 0 ? "M" : "L")}{p.X:0.#} {p.Y:0.#}")));
            run.Clear();
        }
        var ticks = small ? [] : axis.Ticks.Select(t => new AxisTick(Y(t), format(t))).ToList();
        // Every sixth month is labelled, and the last, so the axis says where the line ends.
        var months = small
            ? values.Count == 0 ? [] : [new AxisTick(plot.Left, values[0].Label), new AxisTick(plot.Right, values[^1].Label)]
            : values.Select((v, i) => (v.Label, i)).Where(x => x.i % 6 == (values.Count - 1) % 6)
                .Select(x => new AxisTick(plot.Left + step * x.i, x.Label)).ToList();
        return new LineChart(axisLabel, width, height, plot, ticks, segments, points, target is { } t2 ? Y(t2) : null,
            target is { } t3 ? $"Target {format(t3)}" : null, months, points.Count(p => p.Y is not null), $"0\u2013{ReportFormat.Count(axis.Max)}{(percent ? "%" : "")}");
    }
}

/// <summary>A month's point: its x, its y (null when the month has no value) and the value as text.</summary>
public sealed record LinePoint(double X, double? Y, string ValueLabel);
