using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ReportEngine.Service.Web;

/// <summary>
/// <c>&lt;authority code="NDC" /&gt;</c> writes the authority's name; with <c>short</c>, where a column is narrow, its
/// code with the name as an abbreviation's title. The name is data from a dataset, so it is written as text. (Razor finds
/// public tag helpers only.)
/// </summary>
[HtmlTargetElement("authority", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AuthorityTagHelper(AuthorityNames names) : TagHelper
{
    public string Code { get; set; } = "";

    public bool Short { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = await names.NameOfAsync(Code);
        if (Short && name != Code)
        {
            output.TagName = "abbr";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("title", name);
            output.Content.SetContent(Code);
            return;
        }
        output.TagName = null;
        output.Content.SetContent(name);
    }
}
