using System.Diagnostics;

namespace ReportEngine.Testing;

/// <summary>Runs the real command-line program (<c>dotnet ReportEngine.Cli.dll …</c>) as its own process.</summary>
public static class CliProcess
{
    /// <summary>
    /// The command line as its own project built it. Not the copy beside the tests: the test project also references
    /// ASP.NET Core for its OpenID Connect provider, and its build leaves out assemblies the command line's own
    /// dependency file expects beside it.
    /// </summary>
    public static string Dll { get; } = FindDll();

    private static string FindDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var own = Path.Combine(Repo.Root, "src", "ReportEngine.Cli", "bin", here.Parent!.Name, here.Name, "ReportEngine.Cli.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "ReportEngine.Cli.dll");
    }

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["REPORTENGINE_HOME"] = Repo.Root },
        };
        start.Environment.Remove("REPORTENGINE_DB");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }

    public static (int Exit, string Out, string Err) Run(params string[] args) => Run(null, args);

    public static (int Exit, string Out, string Err) Run(IReadOnlyDictionary<string, string>? environment, params string[] args) => Run(environment, null, args);

    /// <summary>Runs with <paramref name="input"/> on standard input (a password for <c>--password-stdin</c>).</summary>
    public static (int Exit, string Out, string Err) RunWithInput(string input, params string[] args) => Run(null, input, args);

    /// <summary>Runs with <paramref name="input"/> on standard input and these environment variables.</summary>
    public static (int Exit, string Out, string Err) RunWithInput(IReadOnlyDictionary<string, string>? environment, string input, params string[] args) =>
        Run(environment, input, args);

    private static (int Exit, string Out, string Err) Run(IReadOnlyDictionary<string, string>? environment, string? input, string[] args)
    {
        var start = StartInfo(environment, args);
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
