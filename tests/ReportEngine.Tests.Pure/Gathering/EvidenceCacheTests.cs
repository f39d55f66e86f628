using ReportEngine.Evidence;
using ReportEngine.Gathering;

namespace ReportEngine.Tests.Gathering;

public class EvidenceCacheTests
{
    private static GatheredEvidence Of(int rows) =>
        new(null!, new EvidenceProvenance("test", "hash", [new("complaints.csv", rows)]));

    [Fact]
    public void Evidence_is_found_only_for_the_version_it_was_read_from()
    {
        var cache = new EvidenceCache(100);
        var evidence = Of(10);
        cache.Keep("NDC", "v1", evidence);
        Assert.Same(evidence, cache.Find("NDC", "v1"));
        Assert.Null(cache.Find("NDC", "v2"));
        Assert.Null(cache.Find("SDC", "v1"));

        var newer = Of(10);
        cache.Keep("NDC", "v2", newer);
        Assert.Null(cache.Find("NDC", "v1"));
        Assert.Same(newer, cache.Find("NDC", "v2"));
        cache.Forget("NDC");
        Assert.Null(cache.Find("NDC", "v2"));
    }

    [Fact]
    public void Past_the_limit_the_least_recently_used_authority_goes_first_and_a_dataset_over_it_is_never_kept()
    {
        var cache = new EvidenceCache(100);
        var (a, b, c) = (Of(40), Of(40), Of(40));
        cache.Keep("A", "1", a);
        cache.Keep("B", "1", b);
        Assert.Same(a, cache.Find("A", "1")); // A used after B
        cache.Keep("C", "1", c);
        Assert.Null(cache.Find("B", "1"));
        Assert.Same(a, cache.Find("A", "1"));
        Assert.Same(c, cache.Find("C", "1"));

        cache.Keep("D", "1", Of(101));
        Assert.Null(cache.Find("D", "1"));
        Assert.Same(a, cache.Find("A", "1"));

        // Replacing an authority's evidence frees its rows first.
        cache.Keep("A", "2", Of(70));
        Assert.Null(cache.Find("C", "1"));
        Assert.NotNull(cache.Find("A", "2"));
    }
}
