using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Service;

/// <summary>
/// A report asked for through the API, and at one stage of making it (gathering, printing, archiving, making the
/// PDF/A copy) either <c>serve</c> is killed outright (SIGKILL, its browser with it) and started again, or PostgreSQL is
/// restarted under it. Whatever happens, the report is issued once, its PDF/A copy is made once, the archive verifies,
/// and the request ends done. The dataset is the sample scaled 30 times, so that every stage lasts long enough to be hit.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class FaultAtEveryStageTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly TempFolder _work = new();
    private string _database = "";
    private string _token = "";

    public async Task InitializeAsync()
    {
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, 30);
        _database = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), big.Path);
        await using var source = NpgsqlDataSource.Create(_database);
        var accounts = new ReportEngine.Service.Web.Accounts.AccountStore(source, TimeProvider.System);
        await accounts.AddAsync("director@northdale.gov.uk", "Director", ReportEngine.Service.Web.Accounts.Role.Requester, ["NDC"], null);
        _token = await new ReportEngine.Service.Web.Accounts.ApiTokens(source, accounts, TimeProvider.System).IssueAsync("director@northdale.gov.uk", "faults", 1);
    }

    public Task DisposeAsync()
    {
        _work.Dispose();
        return Task.CompletedTask;
    }

    public enum Fault { KillServe, RestartPostgres }

    public static TheoryData<string, Fault, string> Stages => new()
    {
        { "Reading the evidence", Fault.KillServe, "2023-02" },
        { "Printing", Fault.KillServe, "2023-03" },
        { "Archiving", Fault.KillServe, "2023-04" },
        { "PDF/A", Fault.KillServe, "2023-05" },
        { "Reading the evidence", Fault.RestartPostgres, "2023-06" },
        { "Printing", Fault.RestartPostgres, "2023-07" },
        { "Archiving", Fault.RestartPostgres, "2023-08" },
        { "PDF/A", Fault.RestartPostgres, "2023-09" },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task A_fault_at_each_stage_still_issues_the_report_once_with_one_pdfa_copy(string stage, Fault fault, string period)
    {
        var output = Path.Combine(_work.Path, "packs");
        var serve = await ServeProcess.StartAsync(_database, output);
        try
        {
            using var http = serve.Client();
            http.DefaultRequestHeaders.Authorization = new("Bearer", _token);
            var asked = await (await http.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period })).Content.ReadFromJsonAsync<JsonElement>();
            var id = asked.GetProperty("id").GetInt64();

            await WaitForStageAsync(stage, id, serve);
            switch (fault)
            {
                case Fault.KillServe:
                    serve.Kill();
                    await serve.DisposeAsync();
                    serve = await ServeProcess.StartAsync(_database, output);
                    break;
                case Fault.RestartPostgres:
                    postgres.Stop();
                    await Task.Delay(1000);
                    postgres.Start();
                    break;
            }

            var deadline = DateTime.UtcNow.AddMinutes(3);
            string status;
            while ((status = await StatusAsync(id)) is not ("done" or "failed") || await PendingPdfAAsync() > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"after a fault at '{stage}' the request is {status}\n{serve.Log}");
                await Task.Delay(500);
            }
            Assert.True(status == "done", serve.Log);
            Assert.Equal(1, await CountAsync("type = 'Entry' AND period = $1", period));
            Assert.Equal(1, await CountAsync("type = 'Addition' AND adds_to IN (SELECT id FROM reportengine.archive_records WHERE period = $1)", period));
        }
        finally
        {
            await serve.DisposeAsync();
        }
        var (exit, stdout, _) = CliProcess.Run(new Dictionary<string, string> { ["REPORTENGINE_ARCHIVE"] = Path.Combine(output, ".archive") }, "archive", "verify", "--db", _database);
        Assert.True(exit == 0, stdout);
    }

    /// <summary>Waits until the request shows <paramref name="stage"/> (or, for the PDF/A copy, Ghostscript runs under the service).</summary>
    private async Task WaitForStageAsync(string stage, long id, ServeProcess serve)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(stage == "PDF/A" ? GhostscriptRunsUnder(serve.ProcessId) : (await StageAsync(id))?.StartsWith(stage, StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the stage '{stage}' never came\n{serve.Log}");
            await Task.Delay(20);
        }
    }

    private static bool GhostscriptRunsUnder(int pid) =>
        ReportEngine.Layout.ProcessTree.Of(pid).Any(p =>
        {
            try { return File.ReadAllText($"/proc/{p}/comm").Trim() == "gs"; }
            catch (IOException) { return false; }
        });

    private async Task<string?> StageAsync(long id) => await ScalarAsync<string?>("SELECT stage FROM reportengine.report_requests WHERE id = $1", id);

    private async Task<string> StatusAsync(long id) => await ScalarAsync<string?>("SELECT status FROM reportengine.report_requests WHERE id = $1", id) ?? "";

    private async Task<long> PendingPdfAAsync() => await ScalarAsync<long?>(
        "SELECT count(*) FROM reportengine.archive_records e WHERE e.type = 'Entry' AND NOT EXISTS (SELECT 1 FROM reportengine.archive_records a WHERE a.adds_to = e.id)") ?? 1;

    private async Task<long> CountAsync(string where, string period) =>
        await ScalarAsync<long?>($"SELECT count(*) FROM reportengine.archive_records WHERE {where}", period) ?? 0;

    /// <summary>A value from the database, or default while it is restarting.</summary>
    private async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        try
        {
            await using var source = NpgsqlDataSource.Create(_database);
            await using var command = source.CreateCommand(sql);
            foreach (var value in values) command.Parameters.Add(new() { Value = value });
            return await command.ExecuteScalarAsync() is T result ? result : default;
        }
        catch (NpgsqlException)
        {
            return default;
        }
    }
}
