namespace ReportEngine.Service.Web.Audit;

/// <summary>An audit row as stored: the event, and what chains and signs it (all null for rows written before the chain began).</summary>
/// <param name="PreviousHash">The hash of the row before it in the chain.</param>
/// <param name="Hash">Its own hash (<see cref="AuditChain.Hash"/>).</param>
/// <param name="Signature">The archive key's signature over <paramref name="Hash"/>; null for rows chained before signing began.</param>
public sealed record ChainedAuditRow(AuditEvent Event, string? PreviousHash, string? Hash, string? Signature);
