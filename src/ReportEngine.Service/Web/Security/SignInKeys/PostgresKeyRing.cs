using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using ReportEngine.PostgreSql;

namespace ReportEngine.Service.Web.Security.SignInKeys;

/// <summary>
/// Data Protection's key ring in PostgreSQL: every <c>serve</c> on the database signs and reads cookies with the same keys,
/// so a person signed in through one replica is signed in on the others and stays signed in across restarts. The XML
/// stored is already encrypted (<see cref="SignInKeyCertificate"/>). Data Protection calls this synchronously, rarely:
/// when it loads the ring and when it adds a key (every 90 days).
/// </summary>
internal sealed class PostgresKeyRing(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand($"SELECT xml FROM {EvidenceDatabase.Schema}.sign_in_keys ORDER BY stored_at, name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand($"INSERT INTO {EvidenceDatabase.Schema}.sign_in_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    /// <summary>Whether any key has been stored: then the certificate that encrypted it must be the one given.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {EvidenceDatabase.Schema}.sign_in_keys)");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
