using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ReportEngine.Tests.Delivery;

/// <summary>
/// A real SMTP server (the SmtpServer package) in the test process, keeping every message it accepts. It can be told
/// to answer 451 to the next messages, to refuse some recipients with 550, to stop and start again on its port, and
/// to run code at the moment it accepts a message.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly List<MimeMessage> _messages = [];
    private readonly List<string> _recipientsAsked = [];
    private CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>How many of the next messages are answered "451 try again later".</summary>
    public int TemporaryFailures { get; set; }

    /// <summary>Addresses answered "550 mailbox unavailable" at RCPT TO.</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs as the server is asked to take a recipient (RCPT TO), before it answers: it can hold a sender there.</summary>
    public Func<string, Task>? OnRecipient { get; set; }

    /// <summary>Runs as a message is accepted, before the server says 250.</summary>
    public Action<MimeMessage>? OnAccepting { get; set; }

    public IReadOnlyList<MimeMessage> Messages { get { lock (_messages) return _messages.ToList(); } }

    /// <summary>Every RCPT TO the server was asked, accepted or not.</summary>
    public IReadOnlyList<string> RecipientsAsked { get { lock (_recipientsAsked) return _recipientsAsked.ToList(); } }

    public IReadOnlyList<MimeMessage> To(string email) => Messages.Where(m => m.To.Mailboxes.Any(a => a.Address.Equals(email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The settings that point the program at this server.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["ReportEngine__Smtp__Host"] = "127.0.0.1",
        ["ReportEngine__Smtp__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ReportEngine__Smtp__Security"] = "None",
        ["ReportEngine__Smtp__From"] = "ReportEngine <reports@northdale.gov.uk>",
        ["ReportEngine__Smtp__TimeoutSeconds"] = "10",
        ["ReportEngine__PublicBaseUrl"] = "https://reports.northdale.gov.uk",
    };

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer(ServeProcess.FreePort());
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        _stop = new CancellationTokenSource();
        var options = new SmtpServerOptionsBuilder().ServerName("smtp.test").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        var smtp = new SmtpServer.SmtpServer(options, services);
        _running = smtp.StartAsync(_stop.Token);
        // Listening once a connection is taken.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"the test SMTP server did not listen on {Port}");
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            lock (server._messages)
            {
                if (server.TemporaryFailures > 0)
                {
                    server.TemporaryFailures--;
                    return Task.FromResult(new SmtpResponse((SmtpReplyCode)451, "4.3.0 Try again later"));
                }
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream);
            server.OnAccepting?.Invoke(message);
            lock (server._messages) server._messages.Add(message);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(TestSmtpServer server) : MailboxFilter
    {
        public override async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            lock (server._recipientsAsked) server._recipientsAsked.Add(address);
            if (server.OnRecipient is { } onRecipient) await onRecipient(address);
            return !server.Refused.Contains(address);
        }
    }
}
