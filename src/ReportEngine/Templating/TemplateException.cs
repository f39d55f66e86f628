using ReportEngine.Foundation;

namespace ReportEngine.Templating;

/// <summary>A template could not be parsed or rendered; the message starts with <c>templates/file:line:column:</c>.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Foundation.PermanentFailureException(message, inner);
