namespace ReportEngine.Composition.Charts;

/// <summary>
/// Geometry of a vertical bar chart; a template draws it as SVG and gives it its title and text alternative. Bars start at zero; the axis runs to a round number.
/// One or more series (a legend names them); every bar carries its value as text, so colour is never the only cue.
/// </summary>
public sealed record ColumnChart(
    string AxisLabel,
    double Width,
    double Height,
    PlotArea Plot,
    IReadOnlyList<AxisTick> Ticks,
    IReadOnlyList<ColumnGroup> Groups,
    IReadOnlyList<string> Series)
{
    public const double DefaultWidth = 640, DefaultHeight = 240;

    /// <param name="groups">Each group's label and one value per series (null: no bar, labelled n/a).</param>
    public static ColumnChart Build(string axisLabel, IReadOnlyList<string> series,
        IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> groups, Func<double?, string> format,
        double width = DefaultWidth, double height = DefaultHeight)
    {
        var plot = new PlotArea(Left: 56, Top: 16, Width: width - 56 - 8, Height: height - 16 - 44);
        var axis = NiceAxis.For(groups.SelectMany(g => g.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max());
        var slot = plot.Width / Math.Max(1, groups.Count);
        var barWidth = slot * 0.7 / Math.Max(1, series.Count);
        double Y(double v) => plot.Top + plot.Height - v / axis.Max * plot.Height;

        var columnGroups = groups.Select((g, i) =>
        {
            var x0 = plot.Left + slot * i + slot * 0.15;
            var bars = g.Values.Select((v, s) => new Column(
                s, x0 + barWidth * s, Y(v ?? 0), barWidth, plot.Top + plot.Height - Y(v ?? 0), format(v))).ToList();
            return new ColumnGroup(g.Label, plot.Left + slot * i + slot / 2, bars);
        }).ToList();
        var ticks = axis.Ticks.Select(t => new AxisTick(Y(t), format(t))).ToList();
        return new ColumnChart(axisLabel, width, height, plot, ticks, columnGroups, series);
    }
}

public sealed record PlotArea(double Left, double Top, double Width, double Height)
{
    public double Bottom => Top + Height;
    public double Right => Left + Width;
}

public sealed record AxisTick(double Position, string Label);

/// <param name="Centre">The x of the group's label.</param>
public sealed record ColumnGroup(string Label, double Centre, IReadOnlyList<Column> Columns);

public sealed record Column(int Series, double X, double Y, double Width, double Height, string ValueLabel);
