using System.Text.RegularExpressions;

namespace ReportEngine.Foundation;

/// <summary>
/// The one place where values from the data (an authority code, a file name made from one) become paths. A name must
/// match its pattern and hold no separator; the final path must lie inside its root. Anything else is refused.
/// </summary>
public static partial class SafePath
{
    /// <summary>data-contract.md: 2 to 16 characters, upper-case A–Z, digits and '-', starting with a letter.</summary>
    public static bool IsAuthorityCode(string? code) => code is not null && AuthorityCodePattern().IsMatch(code);

    /// <summary>The one-line reason a value is not an authority code.</summary>
    public static string AuthorityCodeRefusal(string? code) =>
        $"'{code}' is not an authority code: 2 to 16 characters, upper-case letters A-Z, digits and '-', starting with a letter";

    /// <summary><paramref name="root"/>/<paramref name="names"/>…, refused unless each name is a plain file or folder name and the result stays inside the root.</summary>
    public static string Combine(string root, params string[] names)
    {
        var fullRoot = Path.GetFullPath(root);
        foreach (var name in names)
        {
            if (!FileNamePattern().IsMatch(name) || name is "." or "..")
                throw new UnsafePathException($"'{name}' cannot be part of a path: only letters, digits, '.', '-' and '_' are allowed");
        }
        var path = Path.GetFullPath(Path.Combine([fullRoot, .. names]));
        var inside = fullRoot.EndsWith(Path.DirectorySeparatorChar) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        if (!path.StartsWith(inside, StringComparison.Ordinal))
            throw new UnsafePathException($"'{string.Join('/', names)}' would lie outside {fullRoot}");
        return path;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorityCodePattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}

/// <summary>A value from the data would have made a path outside its folder, or one with a separator in it.</summary>
public sealed class UnsafePathException(string message) : InputRefusedException(message);
