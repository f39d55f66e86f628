using Microsoft.AspNetCore.Identity;

namespace ReportEngine.Service.Web.Accounts;

/// <summary>Passwords (web.md): at least 12 characters, kept only as ASP.NET Core Identity's salted, iterated hash.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    private static readonly PasswordHasher<Account> Hasher = new();

    /// <returns>Why the password cannot be used; null when it can.</returns>
    public static string? Problem(string password) =>
        password.Length < MinimumLength ? $"The password must be at least {MinimumLength} characters long" : null;

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
