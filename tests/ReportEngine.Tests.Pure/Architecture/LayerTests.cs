namespace ReportEngine.Tests.Architecture;

/// <summary>The folders of the engine form layers: no folder uses, however indirectly, a folder that uses it.</summary>
public sealed class LayerTests
{
    [Fact]
    public void No_folder_of_the_engine_depends_on_itself_through_others()
    {
        var graph = FolderDependencies.Of(typeof(ReportEngine.Kinds.ReportKinds).Assembly, "ReportEngine");
        var cycles = FolderDependencies.Cycles(graph).ToList();
        Assert.True(cycles.Count == 0, "Folders in a cycle:\n" + string.Join("\n", cycles.Select(c =>
            string.Join(", ", c) + "\n  " + string.Join("\n  ", c.SelectMany(from => graph[from].Where(c.Contains).Select(to => $"{from} -> {to}"))))));
    }

    [Fact]
    public void The_check_finds_a_cycle_when_there_is_one()
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" }, ["B"] = new HashSet<string> { "C" }, ["C"] = new HashSet<string> { "A" }, ["D"] = new HashSet<string> { "A" },
        };
        Assert.Equal(["A", "B", "C"], Assert.Single(FolderDependencies.Cycles(graph)));
    }

    [Fact]
    public void The_check_reads_uses_in_method_bodies()
    {
        // Telemetry is named by the printer only inside a method body (a span around printing).
        var graph = FolderDependencies.Of(typeof(ReportEngine.Kinds.ReportKinds).Assembly, "ReportEngine");
        Assert.Contains("Telemetry", graph["Rendering"]);
    }
}
