namespace ReportEngine.Templating;

/// <summary>Markup that came from our own templates (a rendered partial, a chart), written without escaping.</summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}
