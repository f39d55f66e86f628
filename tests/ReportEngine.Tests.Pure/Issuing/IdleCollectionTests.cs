using Microsoft.Extensions.Time.Testing;
using ReportEngine.Issuing;

namespace ReportEngine.Tests.Issuing;

public sealed class IdleCollectionTests
{
    private readonly FakeTimeProvider _clock = new();
    private int _collections;

    private IdleCollection Create() => new(_clock, () => Interlocked.Increment(ref _collections));

    [Fact]
    public void The_young_generations_are_collected_once_the_last_report_has_been_over_for_the_quiet_time()
    {
        var idle = Create();
        var first = idle.Begin();
        var second = idle.Begin();
        first.Dispose();
        _clock.Advance(IdleCollection.Quiet * 2);
        Assert.Equal(0, _collections); // one report is still in flight

        second.Dispose();
        _clock.Advance(IdleCollection.Quiet - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _collections);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _collections);
        _clock.Advance(IdleCollection.Quiet * 10);
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void A_report_that_begins_in_the_quiet_time_puts_the_collection_off_until_it_too_has_ended()
    {
        var idle = Create();
        idle.Begin().Dispose();
        _clock.Advance(IdleCollection.Quiet / 2);
        var next = idle.Begin();
        _clock.Advance(IdleCollection.Quiet);
        Assert.Equal(0, _collections); // in flight when the first wait ended

        next.Dispose();
        _clock.Advance(IdleCollection.Quiet);
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void A_report_begun_and_ended_within_the_quiet_time_leaves_one_collection_after_it()
    {
        var idle = Create();
        idle.Begin().Dispose();
        _clock.Advance(IdleCollection.Quiet / 2);
        idle.Begin().Dispose();
        _clock.Advance(IdleCollection.Quiet);
        Assert.Equal(1, _collections); // the second report's wait took the place of the first's, and collected once
    }
}
