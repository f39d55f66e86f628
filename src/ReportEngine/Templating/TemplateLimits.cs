namespace ReportEngine.Templating;

/// <summary>Sandbox limits for template runs: a runaway loop or recursion fails with a clear error instead of hanging.</summary>
public sealed record TemplateLimits
{
    public int LoopIterations { get; init; } = 20_000;
    public int Recursion { get; init; } = 32;
    public int PartialDepth { get; init; } = 16;
    public int OutputCharacters { get; init; } = 20_000_000;
}
