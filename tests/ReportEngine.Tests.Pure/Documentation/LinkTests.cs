using System.Text.RegularExpressions;

namespace ReportEngine.Tests.Pure.Documentation;

/// <summary>
/// The repository as a council reads it from a fresh clone: every link and picture in its Markdown (README, SECURITY,
/// CHANGELOG, docs/ and the contracts in docs/spec/) leads to a file in the clone, and every link to a heading finds it.
/// </summary>
public sealed partial class LinkTests
{
    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(<?([^)\s>]+)>?(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "README.md", "SECURITY.md", "CHANGELOG.md" }) data.Add(file);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Repo.Root, file));
        return data;
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static string Anchor(string heading) =>
        Regex.Replace(Regex.Replace(heading.Replace("`", "", StringComparison.Ordinal).ToLowerInvariant(), @"[^\p{L}\p{N}\s_-]", ""), @"\s", "-");

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_link_resolves_in_a_clone(string document)
    {
        var path = Path.Combine(Repo.Root, document);
        Assert.True(File.Exists(path), $"{document} is missing");
        var text = File.ReadAllText(path);
        // Links inside code blocks are examples, not links.
        var prose = Regex.Replace(text, "^```.*?^```", "", RegexOptions.Singleline | RegexOptions.Multiline);
        var broken = new List<string>();
        foreach (Match match in Link().Matches(prose))
        {
            var target = match.Groups[1].Value;
            if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase)) continue;
            var (file, anchor) = target.IndexOf('#') is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, "");
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!resolved.StartsWith(Repo.Root, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
                broken.Add($"{target}: no such file in the repository");
            else if (anchor.Length > 0 && resolved.EndsWith(".md", StringComparison.Ordinal)
                     && !Heading().Matches(File.ReadAllText(resolved)).Select(h => Anchor(h.Groups[1].Value)).Contains(anchor))
                broken.Add($"{target}: no such heading");
        }
        Assert.True(broken.Count == 0, $"{document}:\n" + string.Join("\n", broken));
    }
}
