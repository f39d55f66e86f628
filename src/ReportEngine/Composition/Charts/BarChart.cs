namespace ReportEngine.Composition.Charts;

/// <summary>Geometry of a horizontal bar chart (one bar per row, for long labels such as team names), drawn by a template.</summary>
public sealed record BarChart(
    string AxisLabel,
    double Width,
    double Height,
    PlotArea Plot,
    IReadOnlyList<AxisTick> Ticks,
    IReadOnlyList<Bar> Bars)
{
    private const double RowHeight = 20;

    public static BarChart Build(string axisLabel,
        IReadOnlyList<(string Label, double? Value)> rows, Func<double?, string> format, double? fixedMax = null, double width = 640)
    {
        var plot = new PlotArea(Left: 190, Top: 8, Width: width - 190 - 56, Height: RowHeight * Math.Max(1, rows.Count));
        var axis = fixedMax is { } max ? NiceAxis.Fixed(max) : NiceAxis.For(rows.Select(r => r.Value ?? 0).DefaultIfEmpty(0).Max());
        double X(double v) => plot.Left + v / axis.Max * plot.Width;
        var bars = rows.Select((r, i) => new Bar(r.Label, plot.Top + RowHeight * i + 3, RowHeight - 6,
            X(r.Value ?? 0) - plot.Left, format(r.Value))).ToList();
        var ticks = axis.Ticks.Select(t => new AxisTick(X(t), format(t))).ToList();
        return new BarChart(axisLabel, width, plot.Bottom + 36, plot, ticks, bars);
    }
}

/// <param name="Length">Bar length from the axis, in SVG units.</param>
public sealed record Bar(string Label, double Y, double Thickness, double Length, string ValueLabel);
