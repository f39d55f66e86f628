using ReportEngine.PostgreSql;
using Npgsql;

namespace ReportEngine.Service.Web.Accounts;

/// <summary>Accounts and their grants in PostgreSQL. Emails match without regard to case.</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Five failed sign-ins in a row lock an account for fifteen minutes (web.md).</summary>
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private const string Columns = "a.id, a.email, a.name, a.role, a.disabled, coalesce(array_agg(g.authority ORDER BY g.authority) FILTER (WHERE g.authority IS NOT NULL), '{}'), a.session_generation, " +
        "coalesce(array_agg(g.authority ORDER BY g.authority) FILTER (WHERE g.upload), '{}'), a.must_change_password";
    private const string FromAccounts = "FROM reportengine.accounts a LEFT JOIN reportengine.account_grants g ON g.account_id = a.id";

    public async Task<Account> AddAsync(string email, string name, Role role, IReadOnlyCollection<string> authorities, string? password, CancellationToken cancellationToken = default)
    {
        if (!email.Contains('@', StringComparison.Ordinal) || email.Trim() != email || email.Length > 254)
            throw new AccountProblemException($"'{email}' is not an email address");
        if (password is not null && PasswordRules.Problem(password) is { } problem) throw new AccountProblemException(problem);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        try
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO reportengine.accounts (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id",
                transaction.Connection, transaction)
            {
                Parameters = { new() { Value = email }, new() { Value = name }, new() { Value = role.ToString() }, new() { Value = password is null ? DBNull.Value : PasswordRules.Hash(password) } },
            };
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new AccountProblemException($"An account for {email} exists already");
        }
        foreach (var authority in authorities) await GrantAsync(transaction, id, authority, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    /// <param name="upload">Also the right to upload the authority's dataset (web.md version 2); a grant given without it keeps one given before.</param>
    public async Task GrantAsync(string email, string authority, CancellationToken cancellationToken = default, bool upload = false)
    {
        var account = await RequireAsync(email, cancellationToken);
        if (upload && authority == Account.EveryAuthority) throw new AccountProblemException("the right to upload is given for one authority at a time, not *");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await GrantAsync(transaction, account.Id, authority, cancellationToken, upload);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DisableAsync(string email, CancellationToken cancellationToken = default)
    {
        var account = await RequireAsync(email, cancellationToken);
        await ExecuteAsync("UPDATE reportengine.accounts SET disabled = true, session_generation = session_generation + 1 WHERE id = $1", cancellationToken, account.Id);
    }

    /// <param name="temporary">Set by an Admin: the person must change it at their next sign-in (web.md version 2).</param>
    public async Task SetPasswordAsync(string email, string password, CancellationToken cancellationToken = default, bool temporary = false)
    {
        if (PasswordRules.Problem(password) is { } problem) throw new AccountProblemException(problem);
        var account = await RequireAsync(email, cancellationToken);
        await ExecuteAsync(
            "UPDATE reportengine.accounts SET password_hash = $2, failed_sign_ins = 0, locked_until = NULL, session_generation = session_generation + 1, must_change_password = $3 WHERE id = $1",
            cancellationToken, account.Id, PasswordRules.Hash(password), temporary);
    }

    public async Task SetRoleAsync(string email, Role role, CancellationToken cancellationToken = default)
    {
        var account = await RequireAsync(email, cancellationToken);
        // A new role takes effect at once: the person's sessions end, so no page holds the old one.
        await ExecuteAsync("UPDATE reportengine.accounts SET role = $2, session_generation = session_generation + 1 WHERE id = $1", cancellationToken, account.Id, role.ToString());
    }

    /// <summary>Takes an authority (and with it the right to upload its data) away.</summary>
    public async Task RevokeGrantAsync(string email, string authority, CancellationToken cancellationToken = default)
    {
        var account = await RequireAsync(email, cancellationToken);
        if (await dataSource.ExecuteAsync("DELETE FROM reportengine.account_grants WHERE account_id = $1 AND authority = $2", cancellationToken, account.Id, authority) == 0)
            throw new AccountProblemException($"{email} has no grant of {authority}");
    }

    public async Task EnableAsync(string email, CancellationToken cancellationToken = default)
    {
        var account = await RequireAsync(email, cancellationToken);
        if (!account.Disabled) throw new AccountProblemException($"{email} is not disabled");
        await ExecuteAsync("UPDATE reportengine.accounts SET disabled = false, failed_sign_ins = 0, locked_until = NULL WHERE id = $1", cancellationToken, account.Id);
    }

    /// <summary>Ends every session of the account at once (signing out does, on every device): their cookies no longer match.</summary>
    public Task EndSessionsAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE reportengine.accounts SET session_generation = session_generation + 1 WHERE id = $1", cancellationToken, id);

    public async Task<Account?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} {FromAccounts} WHERE a.id = $1 GROUP BY a.id", cancellationToken, id)).SingleOrDefault();

    public async Task<Account?> FindAsync(string email, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} {FromAccounts} WHERE lower(a.email) = lower($1) GROUP BY a.id", cancellationToken, email)).SingleOrDefault();

    public async Task<Account> RequireAsync(string email, CancellationToken cancellationToken = default) =>
        await FindAsync(email, cancellationToken) ?? throw new AccountProblemException($"There is no account for {email}");

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} {FromAccounts} GROUP BY a.id ORDER BY lower(a.email)", cancellationToken);

    /// <summary>
    /// Checks a password, counting failures in the database (so that every <c>serve</c> process counts alike) and
    /// locking the account at the fifth failure in a row. A locked account is refused even with the right password.
    /// </summary>
    public async Task<PasswordCheck> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            "SELECT id, password_hash, disabled, locked_until FROM reportengine.accounts WHERE lower(email) = lower($1) FOR UPDATE",
            transaction.Connection, transaction) { Parameters = { new() { Value = email } } };
        long id;
        string? hash;
        bool disabled;
        DateTimeOffset? lockedUntil;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                // The same work as a real check, so that timing does not tell which addresses have accounts.
                PasswordRules.Verify(UnknownAccountHash, password);
                return new PasswordCheck(PasswordOutcome.Refused, null);
            }
            id = reader.GetInt64(0);
            hash = reader.IsDBNull(1) ? null : reader.GetString(1);
            disabled = reader.GetBoolean(2);
            lockedUntil = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
        }
        var now = clock.GetUtcNow();
        // The hash work is done whatever the account's state, so that a locked, disabled or password-less account answers
        // as slowly as any other: timing does not tell them apart.
        var matches = PasswordRules.Verify(hash ?? UnknownAccountHash, password) && hash is not null;
        if (lockedUntil > now) return new PasswordCheck(PasswordOutcome.LockedOut, id);
        if (disabled) return new PasswordCheck(PasswordOutcome.Refused, id);
        if (matches)
        {
            await ExecuteAsync(transaction, "UPDATE reportengine.accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1", cancellationToken, id);
            await transaction.CommitAsync(cancellationToken);
            return new PasswordCheck(PasswordOutcome.Accepted, id);
        }
        await using var fail = new NpgsqlCommand(
            """
            UPDATE reportengine.accounts
               SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
                   locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE NULL END
             WHERE id = $1 RETURNING locked_until IS NOT NULL
            """, transaction.Connection, transaction)
        {
            Parameters = { new() { Value = id }, new() { Value = FailuresBeforeLockout }, new() { Value = now + Lockout } },
        };
        var locked = (bool)(await fail.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return new PasswordCheck(locked ? PasswordOutcome.LockedOut : PasswordOutcome.Refused, id);
    }

    private static readonly string UnknownAccountHash = PasswordRules.Hash(Guid.NewGuid().ToString());

    private static async Task GrantAsync(NpgsqlTransaction transaction, long id, string authority, CancellationToken cancellationToken, bool upload = false)
    {
        if (authority != Account.EveryAuthority)
        {
            // data-contract.md's rule, upper case only; and a grant names an authority whose data is here, not a typing slip.
            if (!Foundation.SafePath.IsAuthorityCode(authority))
                throw new AccountProblemException($"{Foundation.SafePath.AuthorityCodeRefusal(authority)}; or * for every authority");
            if (!await AuthorityExistsAsync(transaction.Connection!, authority, cancellationToken))
                throw new AccountProblemException($"there is no authority {authority}: import its data first (reportengine import), then grant it");
        }
        await ExecuteAsync(transaction,
            "INSERT INTO reportengine.account_grants (account_id, authority, upload) VALUES ($1, $2, $3) ON CONFLICT (account_id, authority) DO UPDATE SET upload = account_grants.upload OR excluded.upload",
            cancellationToken, id, authority, upload);
    }

    /// <summary>Whether the authority's data has been imported.</summary>
    internal static async Task<bool> AuthorityExistsAsync(NpgsqlConnection connection, string authority, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM reportengine.authorities WHERE code = $1)", connection);
        command.Parameters.Add(new() { Value = authority });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private Task<IReadOnlyList<Account>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] values) =>
        dataSource.QueryAsync(sql, reader => new Account(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Enum.Parse<Role>(reader.GetString(3)),
            reader.GetBoolean(4), reader.GetFieldValue<string[]>(5)) { SessionGeneration = reader.GetInt64(6), Uploads = reader.GetFieldValue<string[]>(7), MustChangePassword = reader.GetBoolean(8) }, cancellationToken, values);

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values) => dataSource.ExecuteAsync(sql, cancellationToken, values);

    private static Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values) =>
        transaction.ExecuteAsync(sql, cancellationToken, values);
}
