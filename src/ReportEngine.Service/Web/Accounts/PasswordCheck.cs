namespace ReportEngine.Service.Web.Accounts;

public enum PasswordOutcome { Accepted, Refused, LockedOut }

/// <summary>What a password sign-in gave.</summary>
/// <param name="AccountId">The account the email names, when there is one (for the audit log).</param>
public sealed record PasswordCheck(PasswordOutcome Outcome, long? AccountId);
