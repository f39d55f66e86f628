using System.Net;

namespace ReportEngine.Tests.Web;

/// <summary><c>serve</c> listens where <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>ASPNETCORE_HTTP_PORTS</c> say (web.md).</summary>
[Collection(DashboardCollection.Name)]
public sealed class ListeningTests(DashboardFixture dashboard)
{
    [Theory]
    [InlineData(ListenBy.UrlsVariable)]
    [InlineData(ListenBy.HttpPortsVariable)]
    public async Task Serve_listens_where_the_environment_says(ListenBy listenBy)
    {
        using var output = new TempFolder();
        await using var serve = await ServeProcess.StartAsync(dashboard.Database, output.Path,
            new Dictionary<string, string> { ["ReportEngine__Archive__Folder"] = dashboard.ArchiveFolder }, listenBy); // a second service on the database shares its archive
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{serve.Url}/health/live")).StatusCode);
        Assert.Equal("Healthy", await http.GetStringAsync($"{serve.Url}/health/ready"));
    }
}
