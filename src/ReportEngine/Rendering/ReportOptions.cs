using System.ComponentModel.DataAnnotations;

namespace ReportEngine.Rendering;

/// <summary>Section <c>ReportEngine</c>: what every report shares, with or without a database.</summary>
public sealed class ReportOptions : IValidatableObject
{
    /// <summary>The folder holding one sub-folder of templates per report kind, plus <c>shared/</c>.</summary>
    [Required]
    public string TemplatesRoot { get; set; } = "templates";

    /// <summary>The protective marking printed at the top right of every page.</summary>
    [Required]
    public string ProtectiveMarking { get; set; } = "OFFICIAL-SENSITIVE";

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
