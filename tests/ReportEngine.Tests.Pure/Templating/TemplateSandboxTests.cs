using ReportEngine.Templating;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Templating;

public class TemplateSandboxTests : IDisposable
{
    private readonly TempFolder _root = new();

    private HtmlTemplateRenderer Renderer(params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(_root.Path, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return new HtmlTemplateRenderer(TemplateSet.Load(_root.Path, "kind"), new TemplateLimits { LoopIterations = 1000, PartialDepth = 5 });
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Data_is_escaped_but_our_own_partials_are_not()
    {
        var renderer = Renderer(("kind/pack.sbn-html", "<p>{{ text }}</p>{{ partial \"bold.sbn-html\" text }}"), ("shared/bold.sbn-html", "<b>{{ it }}</b>"));
        var html = renderer.Render("pack.sbn-html", new { Text = "<script>alert(1)</script> & <img src=file:///etc/passwd>" });
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=file:///etc/passwd&gt;</p>" +
                     "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=file:///etc/passwd&gt;</b>", html);
    }

    [Fact]
    public void A_runtime_error_names_the_template_file_line_and_column()
    {
        var renderer = Renderer(("kind/pack.sbn-html", "line one\n{{ partial \"part.sbn-html\" }}"), ("kind/part.sbn-html", "ok\n  {{ missing.value }}"));
        var ex = Assert.Throws<TemplateException>(() => renderer.Render("pack.sbn-html", new { }));
        Assert.StartsWith("templates/kind/part.sbn-html:2:6: ", ex.Message);
    }

    [Fact]
    public void A_parse_error_names_the_template_file_line_and_column()
    {
        var renderer = Renderer(("kind/pack.sbn-html", "a\nb {{ if }}"));
        var ex = Assert.Throws<TemplateException>(() => renderer.Render("pack.sbn-html", new { }));
        Assert.Matches(@"^templates/kind/pack\.sbn-html:2:\d+: ", ex.Message);
    }

    [Fact]
    public void Loops_are_limited()
    {
        var renderer = Renderer(("kind/pack.sbn-html", "{{ for i in 1..100000 }}x{{ end }}"));
        var ex = Assert.Throws<TemplateException>(() => renderer.Render("pack.sbn-html", new { }));
        Assert.StartsWith("templates/kind/pack.sbn-html:1:", ex.Message);
        Assert.Contains("loop", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Partials_cannot_recurse_without_limit()
    {
        var renderer = Renderer(("kind/pack.sbn-html", "{{ partial \"pack.sbn-html\" }}"));
        var ex = Assert.Throws<TemplateException>(() => renderer.Render("pack.sbn-html", new { }));
        Assert.Contains("partials nest deeper than 5", ex.Message);
    }

    [Fact]
    public void Templates_cannot_read_files()
    {
        var renderer = Renderer(("kind/pack.sbn-html", "{{ include \"/etc/passwd\" }}"), ("kind/other.sbn-html", "{{ partial \"../../../../etc/passwd\" }}"));
        Assert.Throws<TemplateException>(() => renderer.Render("pack.sbn-html", new { }));
        var ex = Assert.Throws<TemplateException>(() => renderer.Render("other.sbn-html", new { }));
        Assert.Contains("no template named '../../../../etc/passwd'", ex.Message);
    }

    [Fact]
    public void The_template_version_changes_with_any_file()
    {
        Renderer(("kind/pack.sbn-html", "a"));
        var before = TemplateSet.Load(_root.Path, "kind").Version;
        File.WriteAllText(Path.Combine(_root.Path, "kind", "pack.sbn-html"), "b");
        Assert.NotEqual(before, TemplateSet.Load(_root.Path, "kind").Version);
    }
}
