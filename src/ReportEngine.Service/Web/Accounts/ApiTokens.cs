using System.Security.Cryptography;
using System.Text;
using Npgsql;
using ReportEngine.PostgreSql;

namespace ReportEngine.Service.Web.Accounts;

/// <summary>
/// API tokens (web.md): 256 random bits shown once; only their SHA-256 is kept (a token is not a password a person
/// chose, so a fast hash is enough), with an expiry and a revocation time.
/// </summary>
public sealed class ApiTokens(NpgsqlDataSource dataSource, AccountStore accounts, TimeProvider clock)
{
    public const int DefaultDays = 90;

    /// <summary>Tokens start with this, so that one pasted in the wrong place is recognised (and secret scanners find it).</summary>
    private const string Prefix = "rpe_";

    /// <returns>The token, which is never stored and cannot be shown again.</returns>
    public async Task<string> IssueAsync(string email, string name, int days, CancellationToken cancellationToken = default)
    {
        if (days is < 1 or > 366) throw new AccountProblemException("--days must be between 1 and 366");
        if (string.IsNullOrWhiteSpace(name)) throw new AccountProblemException("A token needs a name");
        var account = await accounts.RequireAsync(email, cancellationToken);
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var command = dataSource.CreateCommand(
            "INSERT INTO reportengine.api_tokens (account_id, name, sha256, expires_at) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new() { Value = account.Id });
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = Hash(token) });
        command.Parameters.Add(new() { Value = clock.GetUtcNow().AddDays(days) });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new AccountProblemException($"{email} has a token named '{name}' already; revoke it first");
        }
        return token;
    }

    public async Task RevokeAsync(string email, string name, CancellationToken cancellationToken = default)
    {
        var account = await accounts.RequireAsync(email, cancellationToken);
        await using var command = dataSource.CreateCommand(
            "UPDATE reportengine.api_tokens SET revoked_at = $3 WHERE account_id = $1 AND name = $2 AND revoked_at IS NULL");
        command.Parameters.Add(new() { Value = account.Id });
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = clock.GetUtcNow() });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) throw new AccountProblemException($"{email} has no live token named '{name}'");
    }

    /// <summary>A person's live tokens (not revoked), newest first: the secret itself is never kept, so never shown.</summary>
    public async Task<IReadOnlyList<TokenSummary>> ListAsync(string email, CancellationToken cancellationToken = default)
    {
        var account = await accounts.RequireAsync(email, cancellationToken);
        return await dataSource.QueryAsync(
            "SELECT name, created_at, last_used_at, expires_at FROM reportengine.api_tokens WHERE account_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC",
            r => new TokenSummary(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.TimeOrNull(2), r.GetFieldValue<DateTimeOffset>(3)), cancellationToken, account.Id);
    }

    /// <summary>The account a token belongs to, or why it is refused.</summary>
    public async Task<(Account? Account, string? Refusal)> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100) return (null, "malformed token");
        var hash = Hash(token);
        long accountId;
        // The reader is disposed exactly once, before the next query: Npgsql reuses a reader object with its connection,
        // so disposing one again after its connection went back to the pool would close another request's reader.
        await using (var command = dataSource.CreateCommand("SELECT account_id, expires_at, revoked_at FROM reportengine.api_tokens WHERE sha256 = $1"))
        {
            command.Parameters.Add(new() { Value = hash });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return (null, "unknown token");
            accountId = reader.GetInt64(0);
            if (!reader.IsDBNull(2)) return (null, "revoked token");
            if (reader.GetFieldValue<DateTimeOffset>(1) <= clock.GetUtcNow()) return (null, "expired token");
        }
        if (await accounts.FindAsync(accountId, cancellationToken) is not { Disabled: false } account) return (null, "account disabled");
        await dataSource.ExecuteAsync("UPDATE reportengine.api_tokens SET last_used_at = $2 WHERE sha256 = $1", cancellationToken, hash, clock.GetUtcNow());
        return (account, null);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>A live API token as Admin and its owner see it: its name, when it was made, last used and expires.</summary>
public sealed record TokenSummary(string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset ExpiresAt);
