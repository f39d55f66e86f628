using ReportEngine.Foundation;
using System.Data;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReportEngine.Evidence;
using ReportEngine.Gathering;

namespace ReportEngine.PostgreSql;

/// <summary>
/// Authorities' evidence in PostgreSQL. An import replaces one authority's evidence in a single transaction (bulk
/// COPY); reads run in one repeatable-read snapshot, so no reader ever sees half an import.
/// </summary>
public sealed class PostgresEvidenceStore(NpgsqlDataSource dataSource)
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

        foreach (var table in EvidenceTables.Names)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {EvidenceDatabase.Schema}.{table} WHERE authority_code = $1", connection, transaction)
                { Parameters = { new() { Value = code } }, CommandTimeout = (int)EvidenceDatabase.BulkStatementTimeout.TotalSeconds };
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO {EvidenceDatabase.Schema}.authorities (code, name, council_type, population, dataset_sha256, rows_per_file, has_bank_holidays, imported_at,
                has_complaint_learning, has_targets, operations_files)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, council_type = EXCLUDED.council_type, population = EXCLUDED.population,
                dataset_sha256 = EXCLUDED.dataset_sha256, rows_per_file = EXCLUDED.rows_per_file,
                has_bank_holidays = EXCLUDED.has_bank_holidays, imported_at = EXCLUDED.imported_at,
                has_complaint_learning = EXCLUDED.has_complaint_learning, has_targets = EXCLUDED.has_targets,
                operations_files = EXCLUDED.operations_files
            """, connection, transaction))
        {
            upsert.Parameters.Add(new() { Value = code });
            upsert.Parameters.Add(new() { Value = evidence.Authority.Name });
            upsert.Parameters.Add(new() { Value = CodeNames.ToCode(evidence.Authority.CouncilType) });
            upsert.Parameters.Add(new() { Value = evidence.Authority.Population });
            upsert.Parameters.Add(new() { Value = gathered.Provenance.Sha256 });
            upsert.Parameters.Add(new() { Value = JsonSerializer.Serialize(gathered.Provenance.RowsPerFile.ToDictionary()), NpgsqlDbType = NpgsqlDbType.Jsonb });
            upsert.Parameters.Add(new() { Value = evidence.BankHolidays.IsFromDataset });
            upsert.Parameters.Add(new() { Value = clock.GetUtcNow() });
            upsert.Parameters.Add(new() { Value = evidence.HasComplaintLearning });
            upsert.Parameters.Add(new() { Value = evidence.HasTargets });
            upsert.Parameters.Add(new() { Value = evidence.Operations.Files.Where(f => f.Supplied).Select(f => f.File).ToArray() });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await EvidenceTables.Scores.CopyAsync(connection, code, evidence.Scores, cancellationToken);
        await EvidenceTables.Findings.CopyAsync(connection, code, evidence.Findings, cancellationToken);
        await EvidenceTables.Complaints.CopyAsync(connection, code, evidence.Complaints, cancellationToken);
        await EvidenceTables.OmbudsmanCases.CopyAsync(connection, code, evidence.OmbudsmanCases, cancellationToken);
        await EvidenceTables.OmbudsmanBenchmarks.CopyAsync(connection, code, evidence.OmbudsmanBenchmarks, cancellationToken);
        await EvidenceTables.Staff.CopyAsync(connection, code, evidence.Staff, cancellationToken);
        await EvidenceTables.Courses.CopyAsync(connection, code, evidence.Courses, cancellationToken);
        await EvidenceTables.CourseRequirements.CopyAsync(connection, code, evidence.CourseRequirements, cancellationToken);
        await EvidenceTables.Training.CopyAsync(connection, code, evidence.Training, cancellationToken);
        await EvidenceTables.Supervisions.CopyAsync(connection, code, evidence.Supervisions, cancellationToken);
        await EvidenceTables.Actions.CopyAsync(connection, code, evidence.Actions, cancellationToken);
        await EvidenceTables.BankHolidays.CopyAsync(connection, code, evidence.BankHolidays.DatasetDates ?? [], cancellationToken);
        await EvidenceTables.ComplaintLearning.CopyAsync(connection, code, evidence.ComplaintLearning ?? [], cancellationToken);
        await EvidenceTables.Targets.CopyAsync(connection, code, evidence.Targets ?? [], cancellationToken);
        var operations = evidence.Operations;
        await EvidenceTables.Waits.CopyAsync(connection, code, operations.Waits ?? [], cancellationToken);
        await EvidenceTables.LongTermSupport.CopyAsync(connection, code, operations.LongTermSupport ?? [], cancellationToken);
        await EvidenceTables.Reviews.CopyAsync(connection, code, operations.Reviews ?? [], cancellationToken);
        await EvidenceTables.Concerns.CopyAsync(connection, code, operations.Concerns ?? [], cancellationToken);
        await EvidenceTables.Enquiries.CopyAsync(connection, code, operations.Enquiries ?? [], cancellationToken);
        await EvidenceTables.Dols.CopyAsync(connection, code, operations.Dols ?? [], cancellationToken);

        await transaction.CommitAsync(cancellationToken);
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
        bool hasHolidays, hasLearning, hasTargets;
        HashSet<string> operationsFiles;
        await using (var command = new NpgsqlCommand(
            $"SELECT name, council_type, population, dataset_sha256, rows_per_file::text, has_bank_holidays, has_complaint_learning, has_targets, operations_files FROM {EvidenceDatabase.Schema}.authorities WHERE code = $1",
            connection, transaction) { Parameters = { new() { Value = authorityCode } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                throw new AuthorityNotFoundException(authorityCode);
            authority = new Authority(authorityCode, reader.GetString(0), reader.Code<CouncilType>(1), reader.GetInt32(2));
            sha256 = reader.GetString(3);
            rows = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(4)) ?? [];
            hasHolidays = reader.GetBoolean(5);
            hasLearning = reader.GetBoolean(6);
            hasTargets = reader.GetBoolean(7);
            operationsFiles = reader.GetFieldValue<string[]>(8).ToHashSet(StringComparer.Ordinal);
        }

        async Task<IReadOnlyList<T>?> Operations<T>(EvidenceTable<T> table, string file) =>
            operationsFiles.Contains(file) ? await table.ReadAsync(connection, transaction, authorityCode, cancellationToken) : null;
        var careAct = new CareActEvidence(
            await Operations(EvidenceTables.Waits, CareActEvidence.WaitsFile),
            await Operations(EvidenceTables.LongTermSupport, CareActEvidence.LongTermSupportFile),
            await Operations(EvidenceTables.Reviews, CareActEvidence.ReviewsFile),
            await Operations(EvidenceTables.Concerns, CareActEvidence.ConcernsFile),
            await Operations(EvidenceTables.Enquiries, CareActEvidence.EnquiriesFile),
            await Operations(EvidenceTables.Dols, CareActEvidence.DolsFile));

        var evidence = new EvidenceSet(
            authority,
            await EvidenceTables.Scores.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.Findings.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.Complaints.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.OmbudsmanCases.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.OmbudsmanBenchmarks.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.Staff.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.Courses.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.CourseRequirements.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.Training.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.Supervisions.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            await EvidenceTables.Actions.ReadAsync(connection, transaction, authorityCode, cancellationToken),
            hasHolidays
                ? BankHolidayCalendar.FromDates(await EvidenceTables.BankHolidays.ReadAsync(connection, transaction, authorityCode, cancellationToken))
                : BankHolidayCalendar.EnglandAndWales,
            hasLearning ? await EvidenceTables.ComplaintLearning.ReadAsync(connection, transaction, authorityCode, cancellationToken) : null,
            hasTargets ? await EvidenceTables.Targets.ReadAsync(connection, transaction, authorityCode, cancellationToken) : null,
            operationsFiles.Count > 0 ? careAct : null);
        await transaction.CommitAsync(cancellationToken);

        var rowsPerFile = rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new GatheredEvidence(evidence, new EvidenceProvenance($"PostgreSQL, authority {authorityCode}", sha256, rowsPerFile));
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
