namespace ReportEngine.Benchmarks;

/// <summary>The head of a Markdown table as docs/benchmarks.md shows them: the first column text, the others figures (right-aligned).</summary>
internal static class MarkdownTable
{
    public static void Header(params string[] columns)
    {
        Console.WriteLine($"| {string.Join(" | ", columns)} |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|", columns.Length - 1))}");
    }
}
