using System.Runtime.CompilerServices;

namespace ReportEngine.Tests.Support;

internal static class ThreadPoolFloor
{
    /// <summary>
    /// Many tests wait on real processes, and the output of every <c>serve</c> a test starts is drained by pool threads.
    /// With the default floor (one thread per core, two in CI) a few blocked waits starve that draining; a service whose
    /// output pipe is full stops answering. So the tests start with a floor that their parallel waits cannot reach.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The test assembly has no Main of its own; this is its start-up.")]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(completions, 64));
    }
}
