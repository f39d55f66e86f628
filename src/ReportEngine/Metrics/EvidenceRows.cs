using System.Runtime.InteropServices;

namespace ReportEngine.Metrics;

/// <summary>
/// A file's rows as one span, to pass over in a loop. The long files' records are values (Evidence/Records.cs): read
/// through <see cref="IReadOnlyList{T}"/>'s enumerator each row was copied out by an interface call, which took ten
/// times as long as the figure's own test (issue 26). The evidence's lists are arrays when read from a folder or a
/// snapshot and lists when read from the database; anything else is copied once.
/// </summary>
internal static class EvidenceRows
{
    public static ReadOnlySpan<T> Of<T>(IReadOnlyList<T> rows) => rows switch
    {
        T[] array => array,
        List<T> list => CollectionsMarshal.AsSpan(list),
        _ => rows.ToArray(),
    };

    /// <summary>How many rows <paramref name="holds"/>.</summary>
    public static int Count<T>(IReadOnlyList<T> rows, Func<T, bool> holds)
    {
        var count = 0;
        foreach (ref readonly var row in Of(rows))
            if (holds(row)) count++;
        return count;
    }
}
