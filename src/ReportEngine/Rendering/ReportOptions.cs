using System.ComponentModel.DataAnnotations;

namespace ReportEngine.Rendering;

/// <summary>Section <c>ReportEngine</c>: what every report shares, with or without a database.</summary>
public sealed class ReportOptions : IValidatableObject
{
    /// <summary>The folder holding one sub-folder of templates per report kind, plus <c>shared/</c>.</summary>
    [Required]
    public string TemplatesRoot { get; set; } = "templates";

    /// <summary>The protective marking printed at the top right of every page, for kinds that have none of their own.</summary>
    [Required]
    public string ProtectiveMarking { get; set; } = "OFFICIAL-SENSITIVE";

    /// <summary>A kind's own marking (<c>ReportEngine:Markings:complaints-annual</c>), over its default and <see cref="ProtectiveMarking"/>.</summary>
    public Dictionary<string, string> Markings { get; set; } = [];

    /// <summary>The marking a kind's reports carry: the one set for it, else its own default, else <see cref="ProtectiveMarking"/>.</summary>
    public string MarkingOf(Kinds.ReportKind kind) =>
        Markings.TryGetValue(kind.Name, out var set) && !string.IsNullOrWhiteSpace(set) ? set.Trim() : kind.DefaultMarking ?? ProtectiveMarking;

    /// <summary>
    /// The time zone days are counted in: which periods have ended, when the schedules run, the times the dashboard shows.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>
    /// <see cref="TimeZone"/> found (validated at start-up). A method, not a property, so that validation, which reads
    /// every property, reports a bad name instead of throwing here.
    /// </summary>
    public TimeZoneInfo FindZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"ReportEngine:TimeZone '{TimeZone}' is not a known time zone", [nameof(TimeZone)]);
    }
}
