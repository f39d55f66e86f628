using ReportEngine.Foundation;

namespace ReportEngine.Service.Web.Accounts;

/// <summary>An account change that cannot be made (no such person, an email in use, a password too short): exit 2.</summary>
public sealed class AccountProblemException(string message) : Foundation.InputRefusedException(message);
