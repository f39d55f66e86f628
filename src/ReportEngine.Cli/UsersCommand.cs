using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Issuing;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Cli;

/// <summary><c>users add | grant | ungrant | role | enable | disable | password | list | token | tokens | revoke-token</c>: the dashboard's accounts (web.md). Every change is audited.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Accounts of the dashboard and API: roles, authority grants and API tokens");
        var db = DatabaseOption.Create();
        var email = new Argument<string>("EMAIL") { Description = "The person's email address" };
        var authorities = new Option<string[]>("--authority") { Description = "An authority code the account may see, or * for every one (repeatable)", HelpName = "CODE" };
        var role = new Option<Role>("--role") { Description = "Viewer, Requester, Approver or Admin", Required = true, HelpName = "ROLE" };
        var name = new Option<string>("--name") { Description = "The person's name, as the dashboard shows it", HelpName = "NAME" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = $"Read a password (at least {PasswordRules.MinimumLength} characters) from one line of standard input" };
        var add = new Command("add", "Add an account") { email, role, authorities, name, passwordStdin, db };
        add.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = Console.In.ReadLine();
                if (string.IsNullOrEmpty(password)) throw new AccountProblemException("--password-stdin: no password on standard input");
            }
            var address = parse.GetValue(email)!;
            var granted = parse.GetValue(authorities) ?? [];
            var account = await services.GetRequiredService<AccountStore>().AddAsync(address, parse.GetValue(name) ?? address, parse.GetValue(role), granted, password, ct);
            await CliComposition.AuditAsync(services, "user.add", null, $"{account.Email} as {account.Role}{(granted.Length > 0 ? $" for {string.Join(", ", granted)}" : "")}");
            Console.Out.WriteLine($"Added {account.Email} ({account.Role})");
        }));

        var authority = new Option<string>("--authority") { Description = "The authority code, or * for every one", Required = true, HelpName = "CODE" };
        var upload = new Option<bool>("--upload") { Description = "Also the right to upload the authority's dataset in the browser or through the API" };
        var grant = new Command("grant", "Grant an authority to an account") { email, authority, upload, db };
        grant.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            var uploads = parse.GetValue(upload);
            await services.GetRequiredService<AccountStore>().GrantAsync(parse.GetValue(email)!, parse.GetValue(authority)!, ct, uploads);
            await CliComposition.AuditAsync(services, uploads ? "user.grant-upload" : "user.grant", parse.GetValue(authority), parse.GetValue(email)!);
            Console.Out.WriteLine($"Granted {parse.GetValue(authority)}{(uploads ? " with the right to upload its dataset" : "")} to {parse.GetValue(email)}");
        }));

        var disable = new Command("disable", "Disable an account: it can no longer sign in, and its tokens stop working") { email, db };
        disable.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            await services.GetRequiredService<AccountStore>().DisableAsync(parse.GetValue(email)!, ct);
            await CliComposition.AuditAsync(services, "user.disable", null, parse.GetValue(email)!);
            Console.Out.WriteLine($"Disabled {parse.GetValue(email)}");
        }));

        var list = new Command("list", "List the accounts (tab-separated)") { db };
        list.SetAction((parse, ct) => CliComposition.WithDatabaseAsync(parse, db, ct, async services =>
        {
            Console.Out.WriteLine("email\tname\trole\tauthorities\tstatus");
            foreach (var a in await services.GetRequiredService<AccountStore>().ListAsync(ct))
                Console.Out.WriteLine($"{a.Email}\t{a.Name}\t{a.Role}\t{string.Join(",", a.Authorities)}\t{(a.Disabled ? "disabled" : "enabled")}");
        }));

        var tokenName = new Option<string>("--name") { Description = "What the token is for (unique among the account's live tokens)", Required = true, HelpName = "NAME" };
        var days = new Option<int>("--days") { Description = $"Days until it expires (default {ApiTokens.DefaultDays})", DefaultValueFactory = _ => ApiTokens.DefaultDays, HelpName = "N" };
        var token = new Command("token", "Issue an API token; it is printed once, on standard output, and only its hash is kept") { email, tokenName, days, db };
        token.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            var issued = await services.GetRequiredService<ApiTokens>().IssueAsync(parse.GetValue(email)!, parse.GetValue(tokenName)!, parse.GetValue(days), ct);
            await CliComposition.AuditAsync(services, "token.issue", null, $"{parse.GetValue(email)}: '{parse.GetValue(tokenName)}' for {parse.GetValue(days)} days");
            Console.Out.WriteLine(issued);
        }));

        var revoke = new Command("revoke-token", "Revoke an API token by its name") { email, tokenName, db };
        revoke.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            await services.GetRequiredService<ApiTokens>().RevokeAsync(parse.GetValue(email)!, parse.GetValue(tokenName)!, ct);
            await CliComposition.AuditAsync(services, "token.revoke", null, $"{parse.GetValue(email)}: '{parse.GetValue(tokenName)}'");
            Console.Out.WriteLine($"Revoked '{parse.GetValue(tokenName)}' of {parse.GetValue(email)}");
        }));

        var setRole = new Command("role", "Change an account's role; its sessions end, so the new role takes effect at once") { email, role, db };
        setRole.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            await services.GetRequiredService<AccountStore>().SetRoleAsync(parse.GetValue(email)!, parse.GetValue(role), ct);
            await CliComposition.AuditAsync(services, "user.role", null, $"{parse.GetValue(email)}: {parse.GetValue(role)}");
            Console.Out.WriteLine($"{parse.GetValue(email)} is now {parse.GetValue(role)}");
        }));

        var ungrant = new Command("ungrant", "Take an authority (and the right to upload its data) away from an account") { email, authority, db };
        ungrant.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            await services.GetRequiredService<AccountStore>().RevokeGrantAsync(parse.GetValue(email)!, parse.GetValue(authority)!, ct);
            await CliComposition.AuditAsync(services, "user.ungrant", parse.GetValue(authority), parse.GetValue(email)!);
            Console.Out.WriteLine($"Took {parse.GetValue(authority)} away from {parse.GetValue(email)}");
        }));

        var enable = new Command("enable", "Enable a disabled account again") { email, db };
        enable.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            await services.GetRequiredService<AccountStore>().EnableAsync(parse.GetValue(email)!, ct);
            await CliComposition.AuditAsync(services, "user.enable", null, parse.GetValue(email)!);
            Console.Out.WriteLine($"Enabled {parse.GetValue(email)}");
        }));

        var temporary = new Option<bool>("--temporary") { Description = "The person must choose their own password at their next sign-in" };
        var password = new Command("password", "Set an account's password from one line of standard input; its sessions end") { email, temporary, db };
        password.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            var given = Console.In.ReadLine();
            if (string.IsNullOrEmpty(given)) throw new AccountProblemException("no password on standard input");
            await services.GetRequiredService<AccountStore>().SetPasswordAsync(parse.GetValue(email)!, given, ct, parse.GetValue(temporary));
            await CliComposition.AuditAsync(services, "user.password", null, $"{parse.GetValue(email)}{(parse.GetValue(temporary) ? " (temporary)" : "")}");
            Console.Out.WriteLine($"Set the password of {parse.GetValue(email)}{(parse.GetValue(temporary) ? "; they choose their own at their next sign-in" : "")}");
        }));

        var tokens = new Command("tokens", "List an account's live API tokens (tab-separated): name, created, last used, expires") { email, db };
        tokens.SetAction((parse, ct) => CliComposition.WithDatabaseAsync(parse, db, ct, async services =>
        {
            Console.Out.WriteLine("name\tcreated\tlast_used\texpires");
            foreach (var t in await services.GetRequiredService<ApiTokens>().ListAsync(parse.GetValue(email)!, ct))
                Console.Out.WriteLine($"{t.Name}\t{t.CreatedAt:O}\t{(t.LastUsedAt is { } used ? used.ToString("O") : "never")}\t{t.ExpiresAt:O}");
        }));

        foreach (var verb in new[] { add, grant, ungrant, setRole, enable, disable, password, list, token, tokens, revoke }) command.Subcommands.Add(verb);
        return command;
    }
}
