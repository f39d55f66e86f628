namespace ReportEngine.Issuing;

/// <summary>
/// Collects the young generations once the process has had no report in flight for a moment, so that the next report
/// starts with them empty. A report allocates tens of megabytes that all die with it (50 MB for the sample's data
/// stages). Left to itself, the collector collects in the middle of the next report, with that report's evidence
/// alive, and marks and copies it; after an idle pause it also sets itself a smaller budget, so that collections come
/// more often (issue 26: in the pack benchmark, whose packs follow half-second pauses, the sample's load and compute
/// took 96 ms, and 66 ms with this). With no report in flight almost nothing is alive: the collection takes about a
/// millisecond and delays no one.
/// </summary>
/// <remarks>
/// One per process, as the heap is (<see cref="Process"/>). It waits <see cref="Quiet"/> after the last report ends,
/// so that a caller still holding that report (its evidence, its PDF) has let go of it, and it does nothing if another
/// report began meanwhile. Collecting at once, as the report ended, copied the report just made: 33 ms more a pack.
/// </remarks>
internal sealed class IdleCollection(TimeProvider clock, Action collect)
{
    /// <summary>How long the process stays without a report before the young generations are collected.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    public static IdleCollection Process { get; } = new(TimeProvider.System, static () => GC.Collect(1, GCCollectionMode.Forced, blocking: true));

    private readonly Lock _lock = new();
    private int _inFlight;

    /// <summary>Counts every report begun, so that a wait knows whether one began during it.</summary>
    private long _begun;

    /// <summary>The wait after the last report ended; held so that it is not collected before it fires.</summary>
    private ITimer? _wait;

    /// <summary>A report begins; disposing the answer says it has ended.</summary>
    public Report Begin()
    {
        lock (_lock)
        {
            _inFlight++;
            _begun++;
        }
        return new Report(this);
    }

    private void End()
    {
        lock (_lock)
        {
            if (--_inFlight > 0) return;
            var begun = _begun;
            _wait?.Dispose();
            _wait = clock.CreateTimer(_ => CollectIfStillIdle(begun), null, Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void CollectIfStillIdle(long begun)
    {
        lock (_lock)
        {
            if (_inFlight > 0 || _begun != begun) return;
        }
        collect();
    }

    /// <summary>One report in flight.</summary>
    public readonly struct Report(IdleCollection owner) : IDisposable
    {
        public void Dispose() => owner.End();
    }
}
