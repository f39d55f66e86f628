namespace ReportEngine.Cli;

/// <summary>cli.md: 0 success, 2 input refused (nothing written), 1 anything else.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Refused = 2;
}
