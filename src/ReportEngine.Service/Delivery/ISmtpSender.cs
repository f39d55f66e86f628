using MimeKit;

namespace ReportEngine.Service.Delivery;

/// <summary>Sends one message; returns the server's reply, or throws <see cref="SmtpFailure"/>.</summary>
public interface ISmtpSender
{
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
