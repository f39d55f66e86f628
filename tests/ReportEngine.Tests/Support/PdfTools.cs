using System.Diagnostics;

namespace ReportEngine.Tests.Support;

/// <summary>Runs poppler's command-line tools on a PDF, as a person checking a pack would.</summary>
public static class PdfTools
{
    public static string Run(string tool, byte[] pdf, params string[] options)
    {
        using var folder = new TempFolder();
        var path = folder.File("pack.pdf");
        File.WriteAllBytes(path, pdf);
        var start = new ProcessStartInfo(tool, [.. options, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
