namespace ReportEngine.Foundation;

/// <summary>
/// Which failures are permanent (retrying will not mend them) and which exit code each gives, written once for the
/// command line, the jobs and (next) the dashboard: refused input exits 2 and is never retried; other permanent
/// failures exit 1 and are never retried; everything else exits 1 and is retried by jobs with growing delays.
/// </summary>
public static class FailurePolicy
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Refused = 2;
    public const int Interrupted = 130;

    public static bool IsPermanent(Exception exception) => exception is PermanentFailureException;

    public static int ExitCode(Exception exception) => exception switch
    {
        InputRefusedException or Microsoft.Extensions.Options.OptionsValidationException => Refused,
        OperationCanceledException => Interrupted,
        _ => Failure,
    };
}

/// <summary>A failure that retrying cannot mend: a template error, a missing or failing archive tool.</summary>
public abstract class PermanentFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The input was refused: a dataset, a request or an argument that breaks the contract (exit 2).</summary>
public abstract class InputRefusedException(string message, Exception? inner = null) : PermanentFailureException(message, inner);

/// <summary>A request the contracts do not allow (a period of the wrong type, a statement a kind does not take).</summary>
public sealed class ReportRequestRefusedException(string message) : InputRefusedException(message);

/// <summary>
/// Computing or composing a report's figures failed. They are pure work on evidence already read, so a retry would fail
/// alike: never retried as temporary.
/// </summary>
public sealed class FiguresFailedException(string report, Exception inner)
    : PermanentFailureException($"the figures of {report} could not be computed: {inner.Message}", inner);
