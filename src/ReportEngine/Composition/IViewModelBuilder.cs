namespace ReportEngine.Composition;

/// <summary>
/// Turns a report's figures and evidence into the object its templates render. A report kind is a template folder
/// plus one of these. Builders are pure: no IO, no clock.
/// </summary>
public interface IViewModelBuilder<in TFigures>
{
    /// <param name="contents">Top-level headings and their pages, from a first print (empty on that first print).</param>
    object Build(ReportContext context, TFigures figures, IReadOnlyList<ContentsEntry> contents);
}

/// <summary>A heading of the printed report and the page it starts on.</summary>
public sealed record ContentsEntry(string Title, int Page);
