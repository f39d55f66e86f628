using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportEngine.Service.Delivery;

/// <summary>The mail server (delivery.md): <c>ReportEngine__Smtp__*</c>. Without a host, delivery is off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "ReportEngine:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>; unset: STARTTLS when the server offers it.</summary>
    public string? Security { get; set; }

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }

    /// <summary>How many times a temporary failure is tried before it waits for a later retry.</summary>
    public int Attempts { get; set; } = 3;

    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public SecureSocketOptions SocketOptions => Security?.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

/// <summary>A bad port, sender or security setting stops the service at start-up (exit 2), not at the first email.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535) failures.Add($"ReportEngine:Smtp:Port {options.Port} is not a port (1 to 65535)");
        if (options.Security is { } security && security.Trim().ToLowerInvariant() is not ("none" or "starttls" or "sslonconnect"))
            failures.Add($"ReportEngine:Smtp:Security '{security}' is not None, StartTls or SslOnConnect");
        if (options.Attempts is < 1 or > 10) failures.Add("ReportEngine:Smtp:Attempts must be between 1 and 10");
        if (options.TimeoutSeconds is < 1 or > 600) failures.Add("ReportEngine:Smtp:TimeoutSeconds must be between 1 and 600");
        if (options.MaxAttachmentBytes < 0) failures.Add("ReportEngine:Smtp:MaxAttachmentBytes cannot be negative");
        if (options.Enabled)
        {
            if (string.IsNullOrWhiteSpace(options.From)) failures.Add("ReportEngine:Smtp:From is required when ReportEngine:Smtp:Host is set");
            else if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
                failures.Add($"ReportEngine:Smtp:From '{options.From}' is not an email address");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
