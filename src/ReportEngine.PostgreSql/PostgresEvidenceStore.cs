using ReportEngine.Foundation;
using System.Data;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReportEngine.Evidence;
using ReportEngine.Gathering;
using ReportEngine.Gathering.Dataset;
using ReportEngine.Metrics;

namespace ReportEngine.PostgreSql;

/// <summary>
/// Authorities' evidence in PostgreSQL. An import replaces one authority's evidence in a single transaction (bulk
/// COPY); reads run in one repeatable-read snapshot, so no reader ever sees half an import.
/// </summary>
public sealed class PostgresEvidenceStore(NpgsqlDataSource dataSource, EvidenceCache? cache = null)
{
    /// <summary>Replaces the authority's evidence with <paramref name="gathered"/> (already validated); other authorities are untouched.</summary>
    public async Task ImportAsync(GatheredEvidence gathered, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var evidence = gathered.Evidence;
        var code = evidence.Authority.Code;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One import per authority at a time; a second waits for the first to commit, then replaces it whole.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('reportengine.import:' || $1))", connection, transaction)
                     { Parameters = { new() { Value = code } } })
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);

        foreach (var file in DatasetFiles.Stored)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {EvidenceDatabase.Schema}.{file.Table} WHERE authority_code = $1", connection, transaction)
                { Parameters = { new() { Value = code } }, CommandTimeout = (int)EvidenceDatabase.BulkStatementTimeout.TotalSeconds };
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO {EvidenceDatabase.Schema}.authorities
                (code, name, council_type, population, dataset_sha256, rows_per_file, imported_at, optional_files, extracted_on, adult_population, bounds, complaints_contact)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, council_type = EXCLUDED.council_type, population = EXCLUDED.population,
                dataset_sha256 = EXCLUDED.dataset_sha256, rows_per_file = EXCLUDED.rows_per_file, imported_at = EXCLUDED.imported_at,
                optional_files = EXCLUDED.optional_files, extracted_on = EXCLUDED.extracted_on, adult_population = EXCLUDED.adult_population,
                bounds = EXCLUDED.bounds, complaints_contact = EXCLUDED.complaints_contact
            """, connection, transaction))
        {
            upsert.Parameters.Add(new() { Value = code });
            upsert.Parameters.Add(new() { Value = evidence.Authority.Name });
            upsert.Parameters.Add(new() { Value = CodeNames.ToCode(evidence.Authority.CouncilType) });
            upsert.Parameters.Add(new() { Value = evidence.Authority.Population });
            upsert.Parameters.Add(new() { Value = gathered.Provenance.Sha256 });
            upsert.Parameters.Add(new() { Value = JsonSerializer.Serialize(gathered.Provenance.RowsPerFile.ToDictionary()), NpgsqlDbType = NpgsqlDbType.Jsonb });
            upsert.Parameters.Add(new() { Value = clock.GetUtcNow() });
            upsert.Parameters.Add(new()
            {
                Value = DatasetFiles.Stored.Where(f => f.Need == FileNeed.Optional && f.ValuesIn(evidence) is not null).Select(f => f.FileName).ToArray(),
            });
            upsert.Parameters.Add(new() { Value = (object?)evidence.Authority.ExtractedOn ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
            upsert.Parameters.Add(new() { Value = (object?)evidence.Authority.AdultPopulation ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            upsert.Parameters.Add(new() { Value = JsonSerializer.Serialize(DatasetBounds.Of(evidence)), NpgsqlDbType = NpgsqlDbType.Jsonb });
            upsert.Parameters.Add(new() { Value = (object?)evidence.Authority.ComplaintsContact ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var file in DatasetFiles.Stored)
            await EvidenceTable.CopyAsync(connection, file, code, file.ValuesIn(evidence) ?? [], cancellationToken);

        // review.md: drafts being worked on were made from the evidence this import replaces.
        await PostgresDrafts.MarkStaleAsync(transaction, code, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache?.Forget(code);
    }

    /// <summary>Which periods the authority's imported dataset can report on; null when it has none imported, or was imported before this was kept.</summary>
    public async Task<DatasetBounds?> BoundsAsync(string authorityCode, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT bounds::text FROM {EvidenceDatabase.Schema}.authorities WHERE code = $1");
        command.Parameters.Add(new() { Value = authorityCode });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<DatasetBounds>(json) : null;
    }

    /// <summary>The authority codes with imported evidence.</summary>
    public async Task<IReadOnlyList<string>> AuthoritiesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT code FROM {EvidenceDatabase.Schema}.authorities ORDER BY code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) codes.Add(reader.GetString(0));
        return codes;
    }

    /// <summary>Every imported authority's name as its dataset gives it, by code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AuthorityNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT code, name FROM {EvidenceDatabase.Schema}.authorities");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }

    /// <summary>An authority's name as its dataset gives it; null when its evidence has not been imported.</summary>
    public async Task<string?> AuthorityNameAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT name FROM {EvidenceDatabase.Schema}.authorities WHERE code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Reads one authority's whole evidence from a single snapshot.</summary>
    public async Task<GatheredEvidence> GatherAsync(string authorityCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        Authority authority;
        string sha256;
        Dictionary<string, int> rows;
        HashSet<string> optionalFiles;
        string version;
        await using (var command = new NpgsqlCommand(
            $"SELECT name, council_type, population, dataset_sha256, rows_per_file::text, optional_files, extracted_on, adult_population, complaints_contact, imported_at FROM {EvidenceDatabase.Schema}.authorities WHERE code = $1",
            connection, transaction) { Parameters = { new() { Value = authorityCode } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                throw new AuthorityNotFoundException(authorityCode);
            authority = new Authority(authorityCode, reader.GetString(0), reader.Code<CouncilType>(1), reader.GetInt32(2),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.TextOrNull(8));
            sha256 = reader.GetString(3);
            // An import replaces the authority's rows and this row in one transaction: the two say which rows these are.
            version = $"{sha256} {reader.GetFieldValue<DateTimeOffset>(9).UtcTicks}";
            rows = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(4)) ?? [];
            optionalFiles = reader.GetFieldValue<string[]>(5).ToHashSet(StringComparer.Ordinal);
        }

        if (cache?.Find(authorityCode, version) is { } kept)
        {
            await transaction.CommitAsync(cancellationToken);
            return kept;
        }

        var parts = new EvidenceParts();
        foreach (var file in DatasetFiles.Stored)
        {
            var supplied = file.Need != FileNeed.Optional || optionalFiles.Contains(file.FileName);
            await file.FillAsync(parts, supplied ? EvidenceTable.ReadAsync(connection, transaction, file, authorityCode, cancellationToken) : null, cancellationToken);
        }
        var evidence = parts.Build(authority);
        await transaction.CommitAsync(cancellationToken);

        var rowsPerFile = rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var gathered = new GatheredEvidence(evidence, new EvidenceProvenance($"PostgreSQL, authority {authorityCode}", sha256, rowsPerFile));
        cache?.Keep(authorityCode, version, gathered);
        return gathered;
    }
}

/// <summary>No evidence has been imported for the authority.</summary>
public sealed class AuthorityNotFoundException(string code) : Foundation.InputRefusedException($"No evidence has been imported for authority '{code}'.")
{
    public string Code { get; } = code;
}

/// <summary>Gathers one authority's evidence from the database, behind the same interface as a dataset folder.</summary>
public sealed class PostgresEvidenceSource(PostgresEvidenceStore store, string authorityCode) : IEvidenceSource
{
    public string? Authority => authorityCode;

    public Task<GatheredEvidence> GatherAsync(CancellationToken cancellationToken = default) => store.GatherAsync(authorityCode, cancellationToken);
}
