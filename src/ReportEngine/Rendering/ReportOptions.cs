using System.ComponentModel.DataAnnotations;

namespace ReportEngine.Rendering;

public sealed class ReportOptions
{
    /// <summary>The folder holding one sub-folder of templates per report kind, plus <c>shared/</c>.</summary>
    [Required]
    public string TemplatesRoot { get; set; } = "templates";

    /// <summary>The protective marking printed at the top right of every page.</summary>
    [Required]
    public string ProtectiveMarking { get; set; } = "OFFICIAL-SENSITIVE";
}
