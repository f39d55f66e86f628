namespace ReportEngine.Testing;

/// <summary>
/// Waits for what running work brings about (packs issued, a queue drained, a message sent). It gives up only when the
/// work has stopped moving — what <c>progress</c> reads (a service's log, the states of runs) has not changed for the
/// patience given — never because a loaded machine is slow; a ceiling of 20 minutes still ends work that moves forever
/// without arriving.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(20);

    public static async Task WaitAsync(Func<Task<bool>> done, Func<Task<string>> progress, string what, TimeSpan? patience = null, TimeSpan? poll = null)
    {
        var still = patience ?? TimeSpan.FromMinutes(3);
        var started = DateTime.UtcNow;
        var last = await progress();
        var movedAt = started;
        while (!await done())
        {
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250));
            var now = await progress();
            if (now != last) (last, movedAt) = (now, DateTime.UtcNow);
            var stalled = DateTime.UtcNow - movedAt > still;
            if (stalled || DateTime.UtcNow - started > Ceiling)
                throw new TimeoutException($"{what}: {(stalled ? $"nothing moved for {still.TotalMinutes:0.#} min" : $"not done after {Ceiling.TotalMinutes:0} min")}; last seen:\n{now[Math.Max(0, now.Length - 6000)..]}");
        }
    }

    /// <summary>The same for a condition and progress read without waiting (a process's log, a mailbox).</summary>
    public static Task WaitAsync(Func<bool> done, Func<string> progress, string what, TimeSpan? patience = null, TimeSpan? poll = null) =>
        WaitAsync(() => Task.FromResult(done()), () => Task.FromResult(progress()), what, patience, poll);
}
