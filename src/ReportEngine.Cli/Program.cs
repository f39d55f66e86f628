using ReportEngine.Foundation;
using System.CommandLine;
using ReportEngine.Cli;
using ReportEngine.Gathering;
using ReportEngine.Issuing;

// cli.md: standard output carries only what a verb promises; every problem is one line on standard error; the exit code
// is 0, 1, 2 or 130 (FailurePolicy), never a stack trace.
var root = CommandLineRoot.Create();

var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
if (parse.Errors.Count > 0)
{
    foreach (var line in CommandLineErrors.Describe(parse)) Console.Error.WriteLine(line);
    return FailurePolicy.Refused;
}

// Ctrl+C cancels the verb's work, which ends in one "Cancelled" line and exit 130; a second Ctrl+C ends the process at once.
using var interrupted = new CancellationTokenSource();
using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, signal =>
{
    if (interrupted.IsCancellationRequested) return;
    signal.Cancel = true;
    interrupted.Cancel();
});
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, interrupted.Token);
}
catch (Exception ex)
{
    switch (ex)
    {
        case DatasetRejectedException rejected:
            foreach (var error in rejected.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"The dataset was refused ({rejected.Errors.Count} {(rejected.Errors.Count == 1 ? "error" : "errors")}); nothing was written.");
            break;
        case ReportArchivedButNotWrittenException archived:
            // An entry was made: its id is printed whatever else failed, so that nobody has to search for it.
            Console.Out.WriteLine(archived.ArchiveId);
            Console.Error.WriteLine(archived.Message);
            break;
        case Microsoft.Extensions.Options.OptionsValidationException invalid:
            foreach (var failure in invalid.Failures) Console.Error.WriteLine(failure);
            break;
        case OperationCanceledException:
            Console.Error.WriteLine("Cancelled; nothing was written.");
            break;
        case PermanentFailureException or Npgsql.NpgsqlException or ReportEngine.Printing.BrowserUnavailableException or ReportEngine.Printing.PrintFailedException
            or IOException or UnauthorizedAccessException:
            Console.Error.WriteLine(ex.Message);
            break;
        default:
            // A bug: say what it was in one line; the stack trace is for a debugger, not for the person at the terminal.
            Console.Error.WriteLine($"reportengine: unexpected error ({ex.GetType().Name}): {ex.Message}");
            break;
    }
    return FailurePolicy.ExitCode(ex);
}
