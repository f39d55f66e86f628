using Microsoft.Extensions.Options;
using Npgsql;
using ReportEngine.Hosting;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;

namespace ReportEngine.Service.Schedules;

/// <summary>
/// The schedules Admins set on the dashboard, in PostgreSQL, so that every <c>serve</c> on the database takes them at its
/// next schedule sync, without a restart. Where no row says otherwise, the settings' schedule applies.
/// </summary>
public sealed class ScheduleStore(NpgsqlDataSource dataSource, ReportKinds kinds, IOptions<ServiceOptions> options, TimeProvider clock)
{
    /// <summary>The kinds that can be scheduled: those not needing a parameter a schedule could not choose.</summary>
    public IEnumerable<ReportKind> Schedulable => kinds.All.Where(k => !k.TakesStatement);

    public async Task<IReadOnlyList<ReportSchedule>> ListAsync(IReadOnlyList<string> authorities, CancellationToken cancellationToken)
    {
        var stored = (await dataSource.QueryAsync("SELECT authority, kind, paused, cron FROM reportengine.report_schedules",
                r => (Authority: r.GetString(0), Kind: r.GetString(1), Paused: r.GetBoolean(2), Cron: r.TextOrNull(3)), cancellationToken))
            .ToDictionary(s => (s.Authority, s.Kind));
        return authorities.SelectMany(code => Schedulable.Select(kind => stored.TryGetValue((code, kind.Name), out var s)
                ? new ReportSchedule(code, kind, s.Cron ?? options.Value.ScheduleOf(kind), s.Paused, Stored: true)
                : new ReportSchedule(code, kind, options.Value.ScheduleOf(kind), Paused: false, Stored: false)))
            .ToList();
    }

    /// <summary>Sets the time (null: the settings' time again) and whether it is paused, keeping what is not given.</summary>
    public Task SetAsync(string authority, ReportKind kind, ScheduleTime? time, bool? paused, string changedBy, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync(
            """
            INSERT INTO reportengine.report_schedules (authority, kind, paused, cron, changed_by, changed_at) VALUES ($1, $2, coalesce($3, false), $4, $5, $6)
            ON CONFLICT (authority, kind) DO UPDATE SET paused = coalesce($3, report_schedules.paused),
                cron = CASE WHEN $7 THEN $4 ELSE report_schedules.cron END, changed_by = $5, changed_at = $6
            """,
            cancellationToken, authority, kind.Name, new NpgsqlParameter { Value = (object?)paused ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean },
            new NpgsqlParameter { Value = (object?)time?.Cron ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text }, changedBy, clock.GetUtcNow(), paused is null);

    /// <summary>Back to the settings' schedule, running.</summary>
    public Task ResetAsync(string authority, ReportKind kind, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("DELETE FROM reportengine.report_schedules WHERE authority = $1 AND kind = $2", cancellationToken, authority, kind.Name);
}
