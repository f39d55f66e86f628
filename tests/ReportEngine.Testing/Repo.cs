namespace ReportEngine.Testing;

/// <summary>Paths in the repository: templates, the sample dataset, the reportengine script.</summary>
public static class Repo
{
    public static string Root { get; } = Find();
    public static string Templates => Path.Combine(Root, "templates");
    public static string Sample => Path.Combine(Root, "samples", "northdale");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportEngine.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ReportEngine.sln not found above the test binaries");
    }

    /// <summary>A copy of the sample dataset in a fresh temporary folder, to change for one test.</summary>
    public static TempFolder CopyOfSample()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Sample, "*.csv")) File.Copy(file, Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        return folder;
    }
}

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("reportengine-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Removes a file from a dataset in this folder, and coverage.csv's row for it (which would name a file the dataset lacks).</summary>
    public void RemoveDatasetFile(string name)
    {
        System.IO.File.Delete(File(name));
        var coverage = File("coverage.csv");
        if (System.IO.File.Exists(coverage))
            System.IO.File.WriteAllLines(coverage, System.IO.File.ReadAllLines(coverage).Where(line => !line.StartsWith(name + ",", StringComparison.Ordinal)));
    }

    /// <summary>Deletes the folder, the archive's read-only objects included.</summary>
    public void Dispose()
    {
        if (!Directory.Exists(Path)) return;
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)) System.IO.File.SetAttributes(file, FileAttributes.Normal);
        try { Directory.Delete(Path, recursive: true); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
