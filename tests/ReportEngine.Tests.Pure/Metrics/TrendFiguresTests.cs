using ReportEngine.Evidence;
using ReportEngine.Gathering;
using ReportEngine.Metrics;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Metrics;

/// <summary>
/// A trend's months other than the pack's and the year before compute only the trend keys (<see cref="TrendFigures"/>):
/// for every month before, across and after the sample's data, with and without the Care Act files, they give exactly
/// the numbers the month's figures computed whole give.
/// </summary>
public class TrendFiguresTests
{
    public static TheoryData<string> Variants => ["the sample", "no Care Act files", "concerns without enquiries", "waits alone"];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_month_computed_for_its_trends_alone_gives_the_numbers_of_its_figures_computed_whole(string variant)
    {
        var sample = (await new DatasetFolderSource(Repo.Sample).GatherAsync()).Evidence;
        var operations = sample.Operations;
        var evidence = variant switch
        {
            "no Care Act files" => sample with { CareAct = null },
            "concerns without enquiries" => sample with { CareAct = operations with { Enquiries = null } },
            "waits alone" => sample with { CareAct = new CareActEvidence(Waits: operations.Waits) },
            _ => sample,
        };

        var compared = 0;
        for (var month = new ReportingPeriod(2018, 1); month.End <= new DateOnly(2025, 12, 31); month = month.Shift(1))
        {
            var whole = TrendFigures.Of(PackMetrics.Compute(evidence, month));
            var alone = TrendFigures.Of(evidence, month);
            Assert.Equal(whole.OrderBy(k => k.Key, StringComparer.Ordinal), alone.OrderBy(k => k.Key, StringComparer.Ordinal));
            compared++;
        }
        Assert.Equal(96, compared);
    }

    [Fact]
    public async Task The_sample_has_a_number_for_every_trend_key_in_a_month_with_data()
    {
        var evidence = (await new DatasetFolderSource(Repo.Sample).GatherAsync()).Evidence;
        var numbers = TrendFigures.Of(evidence, new ReportingPeriod(2023, 6));
        Assert.Equal(PackOutlook.TrendKeys.Order(StringComparer.Ordinal), numbers.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(numbers, n => n.Key.StartsWith("waits.", StringComparison.Ordinal) && n.Value > 0);
        Assert.Contains(numbers, n => n.Key.StartsWith("dols.", StringComparison.Ordinal) && n.Value > 0);
        Assert.Contains(numbers, n => n.Key.StartsWith("safeguarding.", StringComparison.Ordinal) && n.Value > 0);
    }
}
