namespace ReportEngine.Metrics;

/// <summary>
/// A file's rows grouped by a key (a person's id, say), built once per dataset: every key's rows lie side by side, in
/// the file's order, in one array. A grouping per key held its own small array, copied twice as it was made and then
/// copied again by each collection the long report's data stages set off: 764,000 training rows are 70,000 people's
/// groups (issue 26). One array of them is one object, large and left where it is.
/// </summary>
internal sealed class RowsByKey<T>
{
    private readonly T[] _rows;
    private readonly Dictionary<string, int> _groups;

    /// <summary>Where each group's rows begin in <see cref="_rows"/>, and one more: the next group's beginning is its end.</summary>
    private readonly int[] _starts;

    private RowsByKey(T[] rows, Dictionary<string, int> groups, int[] starts) => (_rows, _groups, _starts) = (rows, groups, starts);

    /// <summary>The rows <paramref name="keep"/> keeps (every row when null), grouped by <paramref name="key"/>.</summary>
    public static RowsByKey<T> Of(IReadOnlyList<T> rows, Func<T, string> key, Func<T, bool>? keep = null)
    {
        var all = EvidenceRows.Of(rows);
        // Each row's group (or -1, not kept), and how many rows each group has: a counting sort in two passes.
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var groupOf = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            if (keep is not null && !keep(all[i]))
            {
                groupOf[i] = -1;
                continue;
            }
            var k = key(all[i]);
            if (!groups.TryGetValue(k, out var group))
            {
                group = counts.Count;
                groups.Add(k, group);
                counts.Add(0);
            }
            counts[group]++;
            groupOf[i] = group;
        }
        var starts = new int[counts.Count + 1];
        for (var g = 0; g < counts.Count; g++) starts[g + 1] = starts[g] + counts[g];
        var next = starts[..^1];
        var sorted = new T[starts[^1]];
        for (var i = 0; i < all.Length; i++)
            if (groupOf[i] is var group and >= 0) sorted[next[group]++] = all[i];
        return new RowsByKey<T>(sorted, groups, starts);
    }

    /// <summary>The rows of <paramref name="key"/>, in the file's order; none when it has none.</summary>
    public ReadOnlySpan<T> this[string key] =>
        _groups.TryGetValue(key, out var group) ? _rows.AsSpan(_starts[group].._starts[group + 1]) : [];
}
