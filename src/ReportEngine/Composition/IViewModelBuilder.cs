namespace ReportEngine.Composition;

/// <summary>
/// Turns a pack's figures and evidence into the object its templates render. A report kind is a template folder
/// plus one of these. Builders are pure: no IO, no clock.
/// </summary>
public interface IViewModelBuilder
{
    /// <param name="contents">Top-level headings and their pages, from a first print (empty on that first print).</param>
    object Build(PackContext context, IReadOnlyList<ContentsEntry> contents);
}

/// <summary>A heading of the printed pack and the page it starts on.</summary>
public sealed record ContentsEntry(string Title, int Page);
