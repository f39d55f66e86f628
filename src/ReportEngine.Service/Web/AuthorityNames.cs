using ReportEngine.PostgreSql;

namespace ReportEngine.Service.Web;

/// <summary>
/// The authorities' names as their datasets give them, read once per request: pages say "Northdale District Council",
/// not "NDC". An authority whose evidence is not imported (or was removed) keeps its code.
/// </summary>
public sealed class AuthorityNames(PostgresEvidenceStore evidence)
{
    private Task<IReadOnlyDictionary<string, string>>? _names;

    public async Task<string> NameOfAsync(string code, CancellationToken cancellationToken = default) =>
        (await (_names ??= evidence.AuthorityNamesAsync(cancellationToken))).GetValueOrDefault(code, code);
}
