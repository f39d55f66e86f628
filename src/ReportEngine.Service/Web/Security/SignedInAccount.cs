using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Service.Web.Security;

/// <summary>
/// The signed-in person. Their account is read afresh on every request (by the cookie's validation or the token
/// handler), so a disabled account, a changed role or a lifted grant takes effect at once, not when a cookie expires.
/// </summary>
public static class SignedInAccount
{
    private const string AccountIdClaim = "reportengine:account";
    private const string SessionClaim = "reportengine:session";

    public static ClaimsPrincipal PrincipalOf(Account account, string authenticationType) =>
        new(new ClaimsIdentity(
        [
            new Claim(AccountIdClaim, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Email, account.Email),
            new Claim(ClaimTypes.Role, account.Role.ToString()),
            new Claim(SessionClaim, account.SessionGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Whether a session's cookie is of the account's current session generation (not ended by signing out since).</summary>
    public static bool IsCurrent(ClaimsPrincipal? principal, Account account) =>
        long.TryParse(principal?.FindFirstValue(SessionClaim), System.Globalization.CultureInfo.InvariantCulture, out var generation) &&
        generation == account.SessionGeneration;

    public static long? AccountIdOf(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirstValue(AccountIdClaim), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static void Remember(HttpContext context, Account account) => context.Items[typeof(Account)] = account;

    /// <summary>The account of the signed-in person; only called where the access rules have admitted someone.</summary>
    public static Account Account(this HttpContext context) =>
        context.Items[typeof(Account)] as Account ?? throw new InvalidOperationException("No signed-in account on this request");

    public static Account? AccountOrNull(this HttpContext context) => context.Items[typeof(Account)] as Account;

    /// <summary>The address a request came from, for the audit log.</summary>
    public static string? Address(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
