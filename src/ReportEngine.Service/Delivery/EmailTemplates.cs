using Microsoft.Extensions.Options;
using MimeKit;
using ReportEngine.Templating;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// The emails' Scriban templates (<c>templates/email/</c>), loaded once on first use: every message — a delivered
/// report, a notice about a draft — has a plain-text part from <c>NAME.txt</c> and an HTML part from <c>NAME.html</c>.
/// </summary>
public sealed class EmailTemplates(IOptions<Rendering.ReportOptions> pack)
{
    private readonly Lazy<(HtmlTemplateRenderer Text, HtmlTemplateRenderer Html)> _renderers = new(() =>
    {
        var set = TemplateSet.Load(pack.Value.TemplatesRoot, "email");
        return (new HtmlTemplateRenderer(set, plainText: true), new HtmlTemplateRenderer(set));
    });

    /// <summary>The message body of template <paramref name="name"/> (<c>delivery</c>, <c>draft-notice</c>) for <paramref name="model"/>.</summary>
    public BodyBuilder Body(string name, object model) => new()
    {
        TextBody = _renderers.Value.Text.Render($"{name}.txt", model),
        HtmlBody = _renderers.Value.Html.Render($"{name}.html", model),
    };
}
