using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReportEngine.PostgreSql;

/// <summary>
/// Brings a database to the current schema: versioned SQL scripts (Migrations/*.sql) applied once each by DbUp,
/// journalled in <c>reportengine.schema_versions</c>. An advisory lock lets several processes start together safely.
/// </summary>
public static class EvidenceDatabase
{
    public const string Schema = "reportengine";

    /// <summary>
    /// How long one statement that moves a whole table's rows for an authority (an import's DELETE and COPY, a gather's
    /// SELECT) may take. Npgsql's default of 30 seconds cut off the COPY of a dataset of seven million rows (the database
    /// benchmark at 100 times the sample); an import is one transaction, so a slow one leaves nothing half done.
    /// </summary>
    internal static readonly TimeSpan BulkStatementTimeout = TimeSpan.FromMinutes(10);
    private const long MigrationLock = 0x5245_4D49_4752; // "REMIGR"

    /// <param name="alsoUnderLock">More schema work to do under the same lock (the service installs Hangfire's tables here).</param>
    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken = default,
        Action<NpgsqlConnection>? alsoUnderLock = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock}); CREATE SCHEMA IF NOT EXISTS {Schema};", connection))
            await command.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            var result = DeployChanges.To
                .PostgresqlDatabase(connectionString, Schema)
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Migrations.", StringComparison.Ordinal))
                .JournalToPostgresqlTable(Schema, "schema_versions")
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"Database migration {result.ErrorScript?.Name} failed: {result.Error?.Message}", result.Error);
            alsoUnderLock?.Invoke(connection);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
