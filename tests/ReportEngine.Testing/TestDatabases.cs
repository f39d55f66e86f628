using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Gathering;
using ReportEngine.PostgreSql;
using ReportEngine.Service;

namespace ReportEngine.Testing;

/// <summary>Databases ready for the worker service, and the Hangfire client that enqueues packs into them.</summary>
public static class TestDatabases
{
    /// <summary>Migrates <paramref name="database"/> (with Hangfire's tables, as <c>serve</c> does) and imports a dataset folder.</summary>
    public static async Task<string> WithImportedAsync(string database, string dataset)
    {
        await EvidenceDatabase.MigrateAsync(database, NullLogger.Instance, alsoUnderLock: c => PostgreSqlObjectsInstaller.Install(c, ServiceHost.HangfireSchema));
        await using var source = NpgsqlDataSource.Create(database);
        await new PostgresEvidenceStore(source).ImportAsync(await new DatasetFolderSource(dataset).GatherAsync(), TimeProvider.System);
        return database;
    }

    /// <summary>The job storage the service uses, with the service's serialisation settings.</summary>
    public static JobStorage HangfireStorage(string database)
    {
        ServiceHost.UseSerialization(GlobalConfiguration.Configuration);
        var options = ServiceHost.StorageOptions(TimeSpan.FromSeconds(10));
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database, options), options);
    }

    /// <summary>Enqueues a report as a person would ask for it: <c>NDC/monthly/2024-01</c>.</summary>
    public static string EnqueueReport(JobStorage storage, string report)
    {
        var fields = ReportEngine.Kinds.ReportFields.FromText(report)!;
        return new BackgroundJobClient(storage).Enqueue<ReportJob>(job => job.IssueAsync(fields, "person:test", null, CancellationToken.None));
    }

    /// <summary>Enqueues a report in the queue of the schedules, as a backlog of scheduled runs would be.</summary>
    public static string EnqueueScheduled(JobStorage storage, string report)
    {
        var fields = ReportEngine.Kinds.ReportFields.FromText(report)!;
        return new BackgroundJobClient(storage).Create<ReportJob>(job => job.IssueAsync(fields, "schedule:monthly", null, CancellationToken.None),
            new Hangfire.States.EnqueuedState(JobQueues.Scheduled));
    }

    /// <summary>Enqueues the monthly pack of an authority's month.</summary>
    public static string EnqueuePack(JobStorage storage, string authority, string period) => EnqueueReport(storage, $"{authority}/monthly/{period}");
}
