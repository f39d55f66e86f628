namespace ReportEngine.Testing;

/// <summary>
/// Turns a request that <c>serve</c> never answers into a failure that says which request it was and what the service
/// logged last, instead of a bare HttpClient timeout with nothing to go on.
/// </summary>
public sealed class StallReport(Func<string> log, TimeSpan patience) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
{
    public HttpClientHandler Inner => (HttpClientHandler)InnerHandler!;

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
