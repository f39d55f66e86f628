using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace ReportEngine.Tests.Support;

/// <summary>
/// Snapshot assertions after Verify's conventions: <c>Snapshots/NAME.verified.EXT</c> is committed; on a mismatch
/// <c>NAME.received.EXT</c> is written beside it (git-ignored) and the test fails. Set ACCEPT_SNAPSHOTS=1 to accept.
/// </summary>
public static class Snapshot
{
    private const string StylesheetPlaceholder = "/* templates/shared/pack.css: compared with the file by the test, not kept in the snapshot */";
    private const string VersionPlaceholder = "{template version}";

    /// <summary>
    /// A report's snapshot without what any template edit changes everywhere: the template version (a hash of every
    /// template) must be <paramref name="templateVersion"/> and is kept as a placeholder, and in HTML the stylesheet must
    /// be <c>templates/shared/pack.css</c> exactly and is kept as its name. So a stylesheet edit rewrites no snapshot.
    /// </summary>
    public static void MatchReport(string actual, string name, string extension, string templateVersion, [CallerFilePath] string callerFile = "")
    {
        // The PDF's text may break the hash over two lines.
        var version = new Regex(string.Join(@"\s*", templateVersion.Select(c => c.ToString())));
        actual = version.Replace(actual, VersionPlaceholder);
        if (extension == "html")
        {
            var style = Regex.Match(actual, "<style>\n(.*?)</style>", RegexOptions.Singleline);
            Assert.True(style.Success, "the report has no stylesheet");
            Assert.Equal(File.ReadAllText(Path.Combine(Repo.Templates, "shared", "pack.css")).TrimEnd(), style.Groups[1].Value.TrimEnd());
            actual = string.Concat(actual.AsSpan(0, style.Groups[1].Index), StylesheetPlaceholder + "\n", actual.AsSpan(style.Groups[1].Index + style.Groups[1].Length));
        }
        Match(actual, name, extension, callerFile);
    }

    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(FindTestsRoot(callerFile), "Snapshots");
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No verified snapshot {verified}. Review {received} and accept it (ACCEPT_SNAPSHOTS=1)."
            : $"Snapshot {name} differs at {FirstDifference(expected, actual)}. Compare {received} with {verified}; accept with ACCEPT_SNAPSHOTS=1.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}:\n  verified: {el}\n  received: {al}";
        }
        return "line endings";
    }

    private static string FindTestsRoot(string callerFile)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(callerFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportEngine.Tests.csproj"))) return dir.FullName;
        }
        throw new InvalidOperationException($"ReportEngine.Tests.csproj not found above {callerFile}");
    }
}
