namespace ReportEngine.Testing;

/// <summary>
/// Turns a request that <c>serve</c> never answers into a failure that says which request it was and what the service
/// logged last, instead of a bare HttpClient timeout with nothing to go on.
/// </summary>
public sealed class StallReport(Func<string> log, TimeSpan patience) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
{
    /// <summary>
    /// A client of the service at <paramref name="url"/> that follows no redirects (so that a test can assert one) and, if
    /// the service does not answer within a minute, fails with the request and the service's last log lines.
    /// </summary>
    public static HttpClient Client(string url, Func<string> log, System.Net.CookieContainer? cookies = null)
    {
        var stall = new StallReport(log, TimeSpan.FromSeconds(60));
        if (cookies is not null) ((HttpClientHandler)stall.InnerHandler!).CookieContainer = cookies;
        return new HttpClient(stall) { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(patience);
        try
        {
            return await base.SendAsync(request, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var text = log();
            throw new TimeoutException(
                $"serve gave no answer to {request.Method} {request.RequestUri} within {patience.TotalSeconds:0} s; at {DateTime.UtcNow:HH:mm:ss.fff} UTC it had logged:\n{text[Math.Max(0, text.Length - 8000)..]}");
        }
    }
}
