using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReportEngine.Metrics;

namespace ReportEngine.Tests.Metrics;

public class RowsByKeyTests
{
    /// <summary>Rows of a few keys (so that keys repeat), each numbered by its place in the file so that order shows.</summary>
    private static Gen<(string Key, int Place, bool Kept)[]> Rows() =>
        Gen.Zip(Gen.Elements("a", "b", "c", "d", "", "A"), Gen.Elements(true, false)).ArrayOf()
            .Select(rows => rows.Select((r, i) => (r.Item1, i, r.Item2)).ToArray());

    [Property(MaxTest = 500)]
    public Property Each_key_holds_what_GroupBy_gives_it_in_the_files_order_and_only_the_rows_kept() =>
        Prop.ForAll(Rows().ToArbitrary(), rows =>
        {
            var grouped = RowsByKey<(string Key, int Place, bool Kept)>.Of(rows, r => r.Key, r => r.Kept);
            var expected = rows.Where(r => r.Kept).ToLookup(r => r.Key, StringComparer.Ordinal);
            return new[] { "a", "b", "c", "d", "", "A", "z" }.All(k => grouped[k].ToArray().SequenceEqual(expected[k]));
        });

    [Fact]
    public void A_key_with_no_rows_has_none_and_every_row_is_kept_when_nothing_is_said()
    {
        var grouped = RowsByKey<string>.Of(["x1", "y1", "x2"], r => r[..1]);
        Assert.Equal(["x1", "x2"], grouped["x"].ToArray());
        Assert.Equal(["y1"], grouped["y"].ToArray());
        Assert.True(grouped["z"].IsEmpty);
    }
}
