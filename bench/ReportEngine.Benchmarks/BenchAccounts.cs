using Npgsql;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Benchmarks;

internal static class BenchAccounts
{
    /// <summary>A Requester of <paramref name="authorities"/> in <paramref name="database"/>, and an API token of theirs.</summary>
    public static async Task<string> RequesterTokenAsync(string database, string email, params string[] authorities)
    {
        await using var source = NpgsqlDataSource.Create(database);
        var accounts = new AccountStore(source, TimeProvider.System);
        await accounts.AddAsync(email, email.Split('@')[0], Role.Requester, authorities, null);
        return await new ApiTokens(source, accounts, TimeProvider.System).IssueAsync(email, "benchmark", 1);
    }
}
