using ReportEngine.Foundation;
using MimeKit;
using Npgsql;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Service.Delivery;

/// <summary>Each authority's recipients per report kind, in PostgreSQL.</summary>
public sealed class RecipientStore(NpgsqlDataSource dataSource, ReportKinds kinds)
{
    public async Task AddAsync(Recipient recipient, CancellationToken cancellationToken = default)
    {
        if (!Foundation.SafePath.IsAuthorityCode(recipient.Authority)) throw new AccountProblemException(Foundation.SafePath.AuthorityCodeRefusal(recipient.Authority));
        if (kinds.Find(recipient.Kind) is null)
            throw new AccountProblemException($"--kind: '{recipient.Kind}' is not a report kind ({string.Join(", ", kinds.All.Select(k => k.Name))})");
        if (!MailboxAddress.TryParse(recipient.Email, out var address) || address.Address != recipient.Email || !recipient.Email.Contains('@', StringComparison.Ordinal))
            throw new AccountProblemException($"--email: '{recipient.Email}' is not an email address");
        // A name is printed in emails and listings: a line break in it could forge a line of either.
        if (recipient.Name is { } name && (name.Any(char.IsControl) || name.Length > 200))
            throw new AccountProblemException("--name: a name is one line of at most 200 characters, without control characters");
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            if (!await AccountStore.AuthorityExistsAsync(connection, recipient.Authority, cancellationToken))
                throw new AccountProblemException($"--authority: there is no authority {recipient.Authority}: import its data first (reportengine import)");
        await dataSource.ExecuteAsync(
            """
            INSERT INTO reportengine.delivery_recipients (authority, kind, email, name, attach) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (authority, kind, lower(email)) DO UPDATE SET name = excluded.name, attach = excluded.attach
            """, cancellationToken, recipient.Authority, recipient.Kind, recipient.Email, recipient.Name, recipient.Attach);
    }

    public async Task RemoveAsync(string authority, string kind, string email, CancellationToken cancellationToken = default)
    {
        var removed = await dataSource.ExecuteAsync("DELETE FROM reportengine.delivery_recipients WHERE authority = $1 AND kind = $2 AND lower(email) = lower($3)",
            cancellationToken, authority, kind, email);
        if (removed == 0) throw new AccountProblemException($"{email} does not receive {authority}'s {kind} reports");
    }

    /// <summary>Recipients of one authority (or all), by authority, kind and email.</summary>
    public Task<IReadOnlyList<Recipient>> ListAsync(string? authority = null, string? kind = null, CancellationToken cancellationToken = default) =>
        dataSource.QueryAsync(
            """
            SELECT authority, kind, email, name, attach FROM reportengine.delivery_recipients
             WHERE ($1::text IS NULL OR authority = $1) AND ($2::text IS NULL OR kind = $2) ORDER BY authority, kind, lower(email)
            """,
            r => new Recipient(r.GetString(0), r.GetString(1), r.GetString(2), r.TextOrNull(3), r.GetBoolean(4)), cancellationToken,
            new NpgsqlParameter { Value = (object?)authority ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
}
