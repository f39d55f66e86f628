using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>What every delivery test starts from: a real SMTP server, a database with the sample imported, an output folder.</summary>
public abstract class MailTestBase(PostgresFixture postgres) : IAsyncLifetime
{
    protected TempFolder Out { get; } = new();
    protected TestSmtpServer Smtp { get; private set; } = null!;
    protected string Db { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Db = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), Repo.Sample);
    }

    public virtual async Task DisposeAsync()
    {
        await Smtp.DisposeAsync();
        Out.Dispose();
    }
}
