using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ReportEngine.Service.Web.Security;

/// <summary>
/// Failed sign-ins (passwords and API tokens) per address, with .NET's rate limiter (System.Threading.RateLimiting, as
/// ASP.NET Core's middleware uses): past <see cref="FailuresPerWindow"/> failures in a <see cref="Window"/>, the address
/// is refused (429) without its password or token being checked until the window ends. The audit log gets each failure
/// up to the limit and one row for the burst, not one per request: a flood of bogus tokens cannot push people's own
/// events out of view. Per account, five failed passwords in a row lock the account (<see cref="Accounts.AccountStore"/>).
/// </summary>
public sealed class FailureThrottle(Microsoft.Extensions.Options.IOptions<Hosting.ServiceOptions> options) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public int FailuresPerWindow { get; } = options.Value.FailedSignInsPerMinute;

    /// <summary>The audit row's detail for a burst (<see cref="Admission.RefusedFirst"/>).</summary>
    public string BurstDetail =>
        $"{FailuresPerWindow} failed sign-ins from this address within {Window.TotalMinutes:0} minute; " +
        "its sign-ins are refused (429), and not audited each, until the minute is over";

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedSignInsPerMinute, Window = Window, QueueLimit = 0, AutoReplenishment = true,
        }));

    // The window in which each address's burst was audited, so that a burst is one row.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _burstAudited = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a sign-in from the address may be tried at all. Once it has used up its failures it is refused until the
    /// window ends; the first refusal of a window is to be audited (for the whole burst), the rest not.
    /// </summary>
    public Admission Admit(string? address, DateTimeOffset now)
    {
        var key = address ?? "";
        using (var lease = _failures.AttemptAcquire(key, 0))
            if (lease.IsAcquired) return Admission.Admitted;
        if (_burstAudited.TryGetValue(key, out var at) && now - at < Window) return Admission.Refused;
        _burstAudited[key] = now;
        return Admission.RefusedFirst;
    }

    /// <summary>Counts a failed sign-in from the address.</summary>
    public void Fail(string? address)
    {
        using var _ = _failures.AttemptAcquire(address ?? "", 1);
    }

    public void Dispose() => _failures.Dispose();
}

public enum Admission
{
    Admitted,

    /// <summary>Refused, and the first refusal of its burst: audit it, for the burst.</summary>
    RefusedFirst,

    /// <summary>Refused, in a burst already audited.</summary>
    Refused,
}
