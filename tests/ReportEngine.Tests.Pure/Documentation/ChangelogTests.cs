using System.Text.RegularExpressions;
using ReportEngine.Foundation;

namespace ReportEngine.Tests.Pure.Documentation;

/// <summary>The version the changelog names last is the one the product reports (<c>--version</c>, metrics.json, the archive record, the PDF).</summary>
public sealed class ChangelogTests
{
    [Fact]
    public void The_newest_release_in_the_changelog_is_the_version_the_product_reports()
    {
        var newest = Regex.Match(File.ReadAllText(Path.Combine(Repo.Root, "CHANGELOG.md")), @"^## (\d+\.\d+\.\d+)", RegexOptions.Multiline);
        Assert.True(newest.Success, "CHANGELOG.md names no release");
        Assert.Equal(EngineVersion.Current, newest.Groups[1].Value);
    }
}
