namespace ReportEngine.Service.Delivery;

/// <summary>One report's delivery to one recipient (delivery.md): pending, sent or failed, with the server's last reply.</summary>
public sealed record DeliveryRecord(string ArchiveId, string Email, string? Name, bool Attach, string State, int Attempts, string? LastReply,
    string MessageId, DateTimeOffset? SentAt)
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
