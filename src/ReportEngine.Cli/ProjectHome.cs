namespace ReportEngine.Cli;

/// <summary>Finds the project's own files (templates, the sample dataset) from wherever the program runs.</summary>
internal static class ProjectHome
{
    public static string Root { get; } = Find();

    public static string Templates => Path.Combine(Root, "templates");

    public static string SampleDataset => Path.Combine(Root, "samples", "northdale");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("REPORTENGINE_HOME") is { Length: > 0 } home) return Path.GetFullPath(home);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "templates", "monthly"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
