namespace ReportEngine.Composition;

/// <summary>
/// Turns a report's figures and evidence into the object its templates render. A report kind is a template folder
/// plus one of these. Builders are pure: no IO, no clock.
/// </summary>
public interface IViewModelBuilder<in TFigures>
{
    /// <param name="pages">The pages of its headings and places, from a print (none on the first composition).</param>
    object Build(ReportContext context, TFigures figures, PageNumbers pages);
}

/// <summary>A heading of the printed report and the page it starts on.</summary>
public sealed record ContentsEntry(string Title, int Page);
