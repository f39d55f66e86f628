using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ReportEngine.Service.Web.Pages;

/// <summary>A field's error message, beside the field (GOV.UK's pattern); its id is what the field's aria-describedby names.</summary>
public static class FieldError
{
    public static IHtmlContent Of(IReadOnlyDictionary<string, string> errors, string field)
    {
        if (!errors.TryGetValue(field, out var message)) return HtmlString.Empty;
        var p = new TagBuilder("p");
        p.AddCssClass("app-error-message");
        p.Attributes["id"] = $"{field}-error";
        p.InnerHtml.AppendHtml("<span class=\"app-visually-hidden\">Error:</span> ").Append(message);
        return p;
    }
}
