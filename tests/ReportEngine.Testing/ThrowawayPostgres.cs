using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ReportEngine.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for a test run or a benchmark: initdb into a temporary folder, started on a free loopback port,
/// removed afterwards. Uses the newest server under /usr/lib/postgresql; as root it runs the server as 'postgres'.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
        .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb"))) ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql");
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"reportengine-pg-{Guid.NewGuid():N}");
    private static readonly bool IsRoot = Environment.UserName == "root";
    private int _databases;

    public int Port { get; } = FreePort();

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=15";

    /// <summary>A fresh, empty database for one test.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public static ThrowawayPostgres Create()
    {
        var server = new ThrowawayPostgres();
        Directory.CreateDirectory(server._dataDir);
        if (IsRoot) Run("chown", "postgres:postgres", server._dataDir);
        server.RunAsServerUser("initdb", "-D", server._dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        server.Start();
        return server;
    }

    private ThrowawayPostgres() { }

    /// <summary>Runs one of the cluster's client tools (<c>pg_dump</c>, <c>pg_restore</c>) against it as the superuser.</summary>
    public void RunTool(string tool, params string[] args) =>
        Run(Path.Combine(_bin, tool), ["--host=127.0.0.1", $"--port={Port}", "--username=postgres", .. args]);

    public void Stop() => RunAsServerUser("pg_ctl", "-D", _dataDir, "-m", "fast", "-w", "stop");

    public void Start()
    {
        RunAsServerUser("pg_ctl", "-D", _dataDir, "-w", "-l", Path.Combine(_dataDir, "server.log"), "-o",
            $"-p {Port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        NpgsqlConnection.ClearAllPools(); // connections pooled before a restart are dead
    }

    public ValueTask DisposeAsync()
    {
        try { RunAsServerUser("pg_ctl", "-D", _dataDir, "-m", "immediate", "-w", "stop"); } catch (InvalidOperationException) { }
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private void RunAsServerUser(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (IsRoot) Run("runuser", ["-u", "postgres", "--", path, .. args]);
        else Run(path, args);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
