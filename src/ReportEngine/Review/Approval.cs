namespace ReportEngine.Review;

/// <summary>Who signed a report off, in which role, and on which day (printed on its cover and in its provenance).</summary>
public sealed record Approval(string Name, string Role, DateOnly On);
