using System.Reflection;

namespace ReportEngine.Foundation;

/// <summary>The engine's version as every report, archive entry and trace records it (the assembly's, without the commit).</summary>
public static class EngineVersion
{
    public static string Current { get; } =
        typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
