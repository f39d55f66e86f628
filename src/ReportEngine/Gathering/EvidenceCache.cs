namespace ReportEngine.Gathering;

/// <summary>
/// The evidence last gathered for each authority, kept in memory with the version of the data it was read from, so
/// that the reports made from one import read it once (issue 26: re-reading 69,000 rows for every report was most of
/// the database's work and a third of the service's). A different version (a new import) is read again and replaces it.
/// At most <c>mostRows</c> rows (<see cref="DefaultMostRows"/> unless told) are kept in all, the least recently used authority's evidence going first; a
/// dataset larger than that is never kept.
/// </summary>
public sealed class EvidenceCache(long mostRows = EvidenceCache.DefaultMostRows)
{
    /// <summary>About 400 MB of records at the sample's size per row: a dozen councils' datasets.</summary>
    public const long DefaultMostRows = 1_000_000;

    private readonly Dictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private long _rows;
    private long _uses;

    /// <summary>The authority's evidence if it is kept and was read from <paramref name="version"/> of its data.</summary>
    public GatheredEvidence? Find(string authority, string version)
    {
        lock (_kept)
        {
            if (!_kept.TryGetValue(authority, out var kept) || kept.Version != version) return null;
            kept.LastUse = ++_uses;
            return kept.Evidence;
        }
    }

    /// <summary>Keeps the authority's evidence as read from <paramref name="version"/>, in place of any it had.</summary>
    public void Keep(string authority, string version, GatheredEvidence evidence)
    {
        var rows = evidence.Provenance.RowsPerFile.Sum(f => (long)f.Value);
        lock (_kept)
        {
            Forget(authority);
            if (rows > mostRows) return;
            while (_rows + rows > mostRows) Forget(_kept.MinBy(k => k.Value.LastUse).Key);
            _kept[authority] = new Kept(version, evidence, rows) { LastUse = ++_uses };
            _rows += rows;
        }
    }

    /// <summary>Drops the authority's evidence (its data is being replaced).</summary>
    public void Forget(string authority)
    {
        lock (_kept)
        {
            if (_kept.Remove(authority, out var kept)) _rows -= kept.Rows;
        }
    }

    private sealed record Kept(string Version, GatheredEvidence Evidence, long Rows)
    {
        public long LastUse { get; set; }
    }
}
