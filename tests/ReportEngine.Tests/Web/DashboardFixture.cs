using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Npgsql;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>
/// The service hosted in the tests' own process (<see cref="InProcessServe"/>; its own PostgreSQL, the sample imported)
/// with a person of each role: an Admin, a Requester, a Viewer and an Approver for NDC, and a Requester granted only another
/// authority. Each has a password and an API token.
/// </summary>
public sealed partial class DashboardFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public static readonly Person Admin = new("admin@northdale.gov.uk", Role.Admin, []);
    public static readonly Person Requester = new("requester@northdale.gov.uk", Role.Requester, ["NDC"]);
    public static readonly Person Viewer = new("viewer@northdale.gov.uk", Role.Viewer, ["NDC"]);
    public static readonly Person Approver = new("approver@northdale.gov.uk", Role.Approver, ["NDC"]);
    public static readonly Person Outsider = new("outsider@elsewhere.gov.uk", Role.Requester, ["OTH"]);
    public static IReadOnlyList<Person> People => [Admin, Requester, Viewer, Approver, Outsider];

    private ThrowawayPostgres _postgres = null!;
    private readonly TempFolder _output = new();
    private IReadOnlyDictionary<string, string> _tokens = null!;

    public string Database { get; private set; } = "";
    public InProcessServe Serve { get; private set; } = null!;
    public string Url => Serve.Url;

    /// <summary>The archive's folder (<see cref="ServeProcess.Settings"/>): its objects are files below <c>objects/</c>; a second service on this database shares it (and its key).</summary>
    public string ArchiveFolder => Path.Combine(_output.Path, ".archive");
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>
    /// The environment of the command line on this fixture's archive (<see cref="CliProcess.Run(IReadOnlyDictionary{string, string}?, string[])"/>):
    /// the changes it makes are audited with rows signed by the archive's key, as the service's own are.
    /// </summary>
    public IReadOnlyDictionary<string, string> CliEnvironment => new Dictionary<string, string> { ["REPORTENGINE_ARCHIVE"] = ArchiveFolder };

    public async Task InitializeAsync()
    {
        _postgres = ThrowawayPostgres.Create();
        (Database, _tokens) = await DatabaseWithPeopleAsync();
        DataSource = NpgsqlDataSource.Create(Database);
        Serve = await InProcessServe.StartAsync(Database, _output.Path);
    }

    /// <summary>A new database of this fixture's cluster with the sample imported and <see cref="People"/> in it; their API tokens by email.</summary>
    public async Task<(string Database, IReadOnlyDictionary<string, string> Tokens)> DatabaseWithPeopleAsync()
    {
        var database = await TestDatabases.WithImportedAsync(await _postgres.CreateDatabaseAsync(), Repo.Sample);
        await using var source = NpgsqlDataSource.Create(database);
        var accounts = new AccountStore(source, TimeProvider.System);
        var tokens = new ApiTokens(source, accounts, TimeProvider.System);
        var issued = new Dictionary<string, string>();
        foreach (var person in People)
        {
            // The outsider's authority has no data here: a grant made before the authority's data went (as grants no longer can be).
            var here = person.Authorities.Where(a => a != "OTH").ToArray();
            var account = await accounts.AddAsync(person.Email, person.Email.Split('@')[0], person.Role, here, Password);
            foreach (var gone in person.Authorities.Except(here))
            {
                await using var grant = source.CreateCommand("INSERT INTO reportengine.account_grants (account_id, authority) VALUES ($1, $2)");
                grant.Parameters.Add(new() { Value = account.Id });
                grant.Parameters.Add(new() { Value = gone });
                await grant.ExecuteNonQueryAsync();
            }
            issued[person.Email] = await tokens.IssueAsync(person.Email, "tests", 30);
        }
        return (database, issued);
    }

    public async Task DisposeAsync()
    {
        await Serve.DisposeAsync();
        await DataSource.DisposeAsync();
        await _postgres.DisposeAsync();
        _output.Dispose();
    }

    public string TokenOf(Person person) => _tokens[person.Email];

    /// <summary>A client of the API signed in with the person's token; no redirects followed, so that a redirect can be asserted.</summary>
    public HttpClient Api(Person? person)
    {
        var client = Serve.Client();
        if (person is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(person));
        return client;
    }

    /// <summary>A client with a cookie jar, signed in through the sign-in form as a browser would be.</summary>
    public async Task<HttpClient> SignedInAsync(Person person)
    {
        var client = Browserless();
        var response = await SignInAsync(client, person.Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A client with a cookie jar and no sign-in yet.</summary>
    public HttpClient Browserless() => Serve.Client(new CookieContainer());

    /// <summary>Fills in and posts the sign-in form (with the antiforgery token the form carries).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/sign-in");
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public static string AntiforgeryToken(string html) => TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>The audit rows of an action since a row id, newest first.</summary>
    public async Task<IReadOnlyList<(long Id, string Actor, string Action, string Outcome, string? Detail)>> AuditAsync(long after = 0)
    {
        await using var command = DataSource.CreateCommand("SELECT id, actor, action, outcome, detail FROM reportengine.audit_events WHERE id > $1 ORDER BY id DESC");
        command.Parameters.Add(new() { Value = after });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, string, string, string?)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return rows;
    }

    public async Task<long> LastAuditIdAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM reportengine.audit_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed record Person(string Email, Role Role, string[] Authorities);

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}

public sealed partial class DashboardFixture
{
    private readonly SemaphoreSlim _issuing = new(1, 1);
    private string? _sampleEntry;

    /// <summary>Asks for a report through the API and waits until it is done (while the request or the service moves); the request as the API last showed it.</summary>
    public async Task<System.Text.Json.JsonElement> RequestAndWaitAsync(Person person, object body, TimeSpan? patience = null)
    {
        using var api = Api(person);
        try
        {
            return await RequestAndWaitAsync(api, body, () => Serve.Log, patience);
        }
        catch (Exception ex) when (ex is TaskCanceledException or HttpRequestException)
        {
            var log = Serve.Log;
            throw new InvalidOperationException($"The service did not answer: {ex.Message}\n{log[Math.Max(0, log.Length - 6000)..]}", ex);
        }
    }

    /// <summary>Asks a service for a report through its API and waits until it is done or failed, or made a draft (review.md).</summary>
    public static async Task<System.Text.Json.JsonElement> RequestAndWaitAsync(HttpClient api, object body, Func<string> log, TimeSpan? patience = null)
    {
        var response = await api.PostAsync("/api/v1/requests", System.Net.Http.Json.JsonContent.Create(body));
        var request = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {request}");
        var id = request.GetProperty("id").GetInt64();
        await Eventually.WaitAsync(async () =>
            {
                request = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/requests/{id}");
                return request.GetProperty("status").GetString() is "done" or "failed" or "draft";
            }, () => Task.FromResult($"{request}\n{log()}"), "the request", patience, TimeSpan.FromMilliseconds(300));
        return request;
    }

    /// <summary>The archive entry of the sample's January 2024 monthly pack, issued once for every test that needs one.</summary>
    public async Task<string> SampleEntryAsync()
    {
        await _issuing.WaitAsync();
        try
        {
            return _sampleEntry ??= (await RequestAndWaitAsync(Requester, new { authority = "NDC", kind = "monthly", period = "2024-01" }))
                .GetProperty("archiveId").GetString()!;
        }
        finally
        {
            _issuing.Release();
        }
    }
}
