namespace ReportEngine.Composition.Charts;

/// <summary>An axis from zero to a round maximum with four or five round steps (1, 2, 2.5 or 5 × 10ⁿ).</summary>
internal sealed record NiceAxis(double Max, IReadOnlyList<double> Ticks)
{
    public static NiceAxis For(double dataMax)
    {
        if (dataMax <= 0) return Fixed(1);
        var rough = dataMax / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return Fixed(Math.Ceiling(dataMax / step) * step, step);
    }

    public static NiceAxis Fixed(double max, double? step = null)
    {
        var s = step ?? max / 4;
        var ticks = Enumerable.Range(0, (int)Math.Round(max / s) + 1).Select(i => i * s).ToList();
        return new NiceAxis(max, ticks);
    }
}
