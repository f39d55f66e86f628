namespace ReportEngine.Foundation;

/// <summary>Text people write (commentary, an authority's complaints contact), printed exactly as written: its paragraphs.</summary>
public static class PlainText
{
    /// <summary>The paragraphs, split by blank lines, each as written (its own line breaks kept); none when it is blank.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split("\n\n")
            .Select(p => p.Trim('\n'))
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .ToList();
}
