namespace ReportEngine.Service.Delivery;

/// <summary>
/// The mail server did not take a message. <see cref="Permanent"/> (a 5xx reply, refused credentials) is recorded and
/// not retried; anything else (a 4xx reply, a refused or dropped connection, a timeout) is tried again later.
/// </summary>
public sealed class SmtpFailure(string reply, bool permanent, Exception? inner = null) : Exception(reply, inner)
{
    public string Reply { get; } = reply;
    public bool Permanent { get; } = permanent;
}
