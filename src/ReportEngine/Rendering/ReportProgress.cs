namespace ReportEngine.Rendering;

public enum ReportStage { Gathering, Computing, Composing, Printing, Writing, Done }

/// <summary>Where a pack run has got to, for a console progress bar or a job's progress in the dashboard.</summary>
/// <param name="Percent">0 to 100, over the whole run.</param>
public sealed record ReportProgress(ReportStage Stage, int Percent, string Description);
