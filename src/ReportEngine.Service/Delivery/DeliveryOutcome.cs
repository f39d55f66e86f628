namespace ReportEngine.Service.Delivery;

/// <summary>What became of one recipient's copy: sent now, sent before, failed for good, or still to be sent after a temporary failure.</summary>
public sealed record DeliveryOutcome(string Email, DeliveryOutcome.Kinds Kind, string? Reply = null)
{
    public enum Kinds { Sent, Already, Failed, Deferred }

    /// <summary>The line <c>deliver</c> prints (delivery.md).</summary>
    public override string ToString() => Kind switch
    {
        Kinds.Sent => $"sent {Email}",
        Kinds.Already => $"already {Email}",
        _ => $"failed {Email}: {Reply}",
    };
}
