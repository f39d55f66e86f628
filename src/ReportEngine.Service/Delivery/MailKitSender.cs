using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportEngine.Service.Delivery;

/// <summary>Sends through the configured server with MailKit, one connection per message, sorting failures into permanent and temporary.</summary>
public sealed class MailKitSender(IOptions<SmtpOptions> options) : ISmtpSender
{
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        string reply;
        try
        {
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("no mail server is configured"), settings.Port, settings.SocketOptions, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username)) await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            reply = await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            throw new SmtpFailure($"{code} {ex.Message}".Trim(), permanent: code >= 500, ex);
        }
        catch (AuthenticationException ex)
        {
            throw new SmtpFailure($"the server refused the credentials: {ex.Message}", permanent: true, ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or TimeoutException or ServiceNotConnectedException
                                       or SslHandshakeException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SmtpFailure($"no answer from {settings.Host}:{settings.Port}: {ex.Message}", permanent: false, ex);
        }
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or TimeoutException)
        {
            // The message was accepted; a connection that drops while saying goodbye changes nothing.
        }
        return reply;
    }
}
