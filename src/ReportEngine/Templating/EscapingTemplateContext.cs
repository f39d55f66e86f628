using System.Net;
using Scriban;
using Scriban.Parsing;

namespace ReportEngine.Templating;

/// <summary>
/// Escapes everything a template writes from an expression, so data can never become markup. Only
/// <see cref="TrustedHtml"/> (our own rendered partials) passes through unchanged.
/// </summary>
internal sealed class EscapingTemplateContext : SandboxTemplateContext
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject switch
        {
            TrustedHtml html => Write(html.Html),
            null => this,
            _ => Write(WebUtility.HtmlEncode(ObjectToString(textAsObject))),
        };

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        ValueTask.FromResult(Write(span, textAsObject));
}
