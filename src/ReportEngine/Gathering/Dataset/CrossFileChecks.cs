using ReportEngine.Gathering.Csv;

namespace ReportEngine.Gathering.Dataset;

/// <summary>Checks that span rows or files: duplicate keys (reported at the second occurrence) and references.</summary>
internal sealed class CrossFileChecks(ErrorList errors)
{
    public void Unique<T, TKey>(string file, IEnumerable<Lined<T>> rows, Func<T, TKey> key, string column, Func<TKey, string> describe)
        where TKey : notnull
    {
        var firstLine = new Dictionary<TKey, int>();
        foreach (var (line, row) in rows)
        {
            var k = key(row);
            if (!firstLine.TryAdd(k, line))
                errors.Add(new DatasetError(file, line, column, $"duplicate {describe(k)} (first on line {firstLine[k]})"));
        }
    }

    public void References<T>(string file, IEnumerable<Lined<T>> rows, Func<T, string?> reference, string column,
        IReadOnlySet<string> targets, string targetFile)
    {
        foreach (var (line, row) in rows)
        {
            if (reference(row) is { } value && !targets.Contains(value))
                errors.Add(new DatasetError(file, line, column, $"'{value}' is not in {targetFile}"));
        }
    }
}
