using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportEngine.Templating;

/// <summary>
/// Renders a <see cref="TemplateSet"/> with Scriban, sandboxed: output is HTML-escaped, templates cannot reach files
/// or the network (no template loader; partials come only from the in-memory set), and loops, recursion and output
/// are limited. Errors name the template file, line and column.
/// </summary>
/// <param name="plainText">For a text/plain part (an email's): expressions are written as they are, not HTML-escaped;
/// the sandbox and the limits are the same.</param>
public sealed class HtmlTemplateRenderer(TemplateSet templates, TemplateLimits? limits = null, bool plainText = false)
{
    private readonly TemplateLimits _limits = limits ?? new TemplateLimits();
    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    public TemplateSet Templates => templates;

    /// <summary>Renders <paramref name="entry"/> with the model's properties (snake_case) and <paramref name="functions"/> as globals.</summary>
    public string Render(string entry, object model, ScriptObject? functions = null)
    {
        var context = plainText ? new SandboxTemplateContext() : new EscapingTemplateContext();
        ConfigureSandbox(context);
        RemoveFileAccess(context);
        return RenderWith(context, entry, model, functions);
    }

    private void ConfigureSandbox(TemplateContext context)
    {
        context.LoopLimit = _limits.LoopIterations;
        context.RecursiveLimit = _limits.Recursion;
        context.LimitToString = 0; // no truncation of values: the output limit below bounds the whole document
        context.ObjectRecursionLimit = 32;
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.RegexTimeOut = TimeSpan.FromSeconds(1);
    }

    // include would read through a template loader; partials go through our own function instead.
    private static void RemoveFileAccess(TemplateContext context) => context.BuiltinObject.Remove("include");

    private string RenderWith(TemplateContext context, string entry, object model, ScriptObject? functions)
    {
        var globals = new ScriptObject();
        // The model's accessor, kept for the process (SandboxTemplateContext), holds what reflection read of its type, so
        // importing it reads the same properties each time rather than compiling their getters' stubs again.
        context.GetMemberAccessor(model);
        globals.Import(model, renamer: context.MemberRenamer);
        var depth = 0;
        globals.Import("partial", new PartialFunction((ctx, name, it) =>
        {
            if (++depth > _limits.PartialDepth)
                throw new ScriptRuntimeException(ctx.CurrentSpan, $"partials nest deeper than {_limits.PartialDepth}");
            try
            {
                return new TrustedHtml(RenderInto(ctx, globals, Parse(name), it));
            }
            finally
            {
                depth--;
            }
        }));
        context.PushGlobal(functions ?? new ScriptObject());
        context.PushGlobal(globals);

        try
        {
            var html = RenderInto(context, globals, Parse(entry), null);
            if (html.Length > _limits.OutputCharacters)
                throw new TemplateException($"templates/{templates.Resolve(entry)}: output exceeds {_limits.OutputCharacters:N0} characters");
            return html;
        }
        catch (Exception ex) when (ex is not TemplateException)
        {
            throw Describe(ex);
        }
    }

    /// <summary><c>partial "name" [argument]</c>: a delegate type of our own, so that the argument can be optional.</summary>
    private delegate TrustedHtml PartialFunction(TemplateContext context, string name, object? it = null);

    /// <summary>Renders a template into its own output; <c>it</c> holds the partial's argument while it runs.</summary>
    private static string RenderInto(TemplateContext context, ScriptObject globals, Template template, object? it)
    {
        globals.TryGetValue("it", out var previous);
        globals["it"] = it;
        // Render returns what the template wrote and clears the output it wrote to.
        context.PushOutput();
        try
        {
            return template.Render(context);
        }
        finally
        {
            context.PopOutput();
            globals["it"] = previous;
        }
    }

    private Template Parse(string name)
    {
        var path = templates.Resolve(name) ?? throw new TemplateException($"templates/{templates.Kind}: no template named '{name}'");
        return _parsed.GetOrAdd(path, p =>
        {
            var template = Template.Parse(templates.Text(p), $"templates/{p}");
            if (template.HasErrors)
            {
                var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
                throw new TemplateException($"{Location(first.Span)}: {first.Message}");
            }
            return template;
        });
    }

    /// <summary>The innermost template error, as <c>templates/file:line:column: message</c>.</summary>
    private static TemplateException Describe(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is TemplateException te) return te;
        }
        ScriptRuntimeException? innermost = null;
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is ScriptRuntimeException sre) innermost = sre;
        }
        return innermost is null
            ? new TemplateException($"templates: {ex.Message}", ex)
            : new TemplateException($"{Location(innermost.Span)}: {innermost.OriginalMessage}", ex);
    }

    private static string Location(Scriban.Parsing.SourceSpan span) => $"{span.FileName}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}
