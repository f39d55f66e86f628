using System.Collections;

namespace ReportEngine.Gathering.Dataset;

/// <summary>
/// A file's rows as read, each with the line it starts on, for the checks; the rows themselves become the evidence's
/// list as they are. Kept as two lists rather than one of <see cref="Lined{T}"/> so that the rows are not copied out
/// into the evidence afterwards: on the long report's 2.3 million rows that copy was a second large array per file,
/// and the large arrays' budget set off full collections (issue 26).
/// </summary>
internal sealed class LinedRows<T>(int capacity) : IReadOnlyList<Lined<T>>
{
    private readonly List<int> _lines = new(capacity);

    /// <summary>The rows, in the file's order: what the evidence holds.</summary>
    public List<T> Rows { get; } = new(capacity);

    public int Count => Rows.Count;

    public Lined<T> this[int index] => new(_lines[index], Rows[index]);

    public void Add(int line, T row)
    {
        _lines.Add(line);
        Rows.Add(row);
    }

    public IEnumerator<Lined<T>> GetEnumerator()
    {
        for (var i = 0; i < Rows.Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
