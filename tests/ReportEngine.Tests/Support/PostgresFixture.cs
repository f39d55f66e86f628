namespace ReportEngine.Tests.Support;

/// <summary>One throwaway PostgreSQL cluster for the tests of one collection (see Collections.cs).</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private ThrowawayPostgres _server = null!;

    public ThrowawayPostgres Server => _server;

    public string ConnectionString(string database = "postgres") => _server.ConnectionString(database);
    public Task<string> CreateDatabaseAsync() => _server.CreateDatabaseAsync();
    public void Stop() => _server.Stop();
    public void Start() => _server.Start();

    public Task InitializeAsync()
    {
        _server = ThrowawayPostgres.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();
}
