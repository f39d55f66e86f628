using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Foundation;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Cli;

/// <summary><c>audit verify</c>: recomputes the audit log's hash chain and names every row inserted, back-dated or altered by hand.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "The audit log of the dashboard, the API and these commands");
        var db = DatabaseOption.Create();
        var publicKey = new Option<string>("--public-key")
        {
            Description = "Check the signatures with this copy of the archive's public key instead of the one beside its objects", HelpName = "FILE",
        };
        var verify = new Command("verify", "Recompute the audit log's chain and check its signatures; exit 1 naming each row inserted, back-dated or altered outside the application")
        {
            db, publicKey,
        };
        verify.SetAction((parse, ct) => CliComposition.WithDatabaseAsync(parse, db, ct, async services =>
        {
            var (rows, problems, fingerprint) = await services.GetRequiredService<AuditLog>().VerifyAsync(parse.GetValue(publicKey), ct);
            foreach (var problem in problems) Console.Out.WriteLine(problem);
            Console.Out.WriteLine(problems.Count == 0 ? $"intact: {rows} audit rows, signed with the archive key {fingerprint}"
                                                      : $"NOT intact: {problems.Count} problem(s) in {rows} audit rows (archive key {fingerprint})");
            return problems.Count == 0 ? FailurePolicy.Success : FailurePolicy.Failure;
        }));
        command.Subcommands.Add(verify);
        return command;
    }
}
