using System.Runtime.InteropServices;

namespace ReportEngine.Metrics;

/// <summary>
/// A file's rows as one span, to pass over in a loop. The long files' records are values (Evidence/Records.cs): read
/// through <see cref="IReadOnlyList{T}"/>'s enumerator, each row is copied out by an interface call, a cost of its own
/// beside a figure's test of a date or two (issue 26). The evidence's lists are lists, whether read from a
/// folder, the database or a snapshot; an array is read as it is, and anything else is copied once.
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
