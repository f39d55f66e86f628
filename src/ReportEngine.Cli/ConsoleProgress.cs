using ReportEngine.Rendering;
using Spectre.Console;

namespace ReportEngine.Cli;

/// <summary>Shows a pack run's progress on standard error: a live bar on a terminal, one line per stage otherwise.</summary>
internal static class ConsoleProgress
{
    private static readonly IAnsiConsole Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static async Task<T> RunAsync<T>(string title, Func<IProgress<ReportProgress>, Task<T>> work)
    {
        if (Console.IsErrorRedirected || !Error.Profile.Capabilities.Interactive)
            return await work(new SynchronousProgress(p => Console.Error.WriteLine($"[{p.Percent,3}%] {p.Description}")));

        return await Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 100);
                var result = await work(new SynchronousProgress(p =>
                {
                    task.Description = Markup.Escape(p.Description);
                    task.Value = p.Percent;
                }));
                task.Value = 100;
                return result;
            });
    }

    // Progress<T> posts to the thread pool; reports must arrive in order.
    private sealed class SynchronousProgress(Action<ReportProgress> report) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => report(value);
    }
}
