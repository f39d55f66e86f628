using Microsoft.AspNetCore.Authorization;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Service.Web.Security;

/// <summary>The access rules of web.md and review.md, one policy per role; each role's policy admits the roles above it.</summary>
public static class AccessPolicy
{
    public const string Viewer = nameof(Role.Viewer);
    public const string Requester = nameof(Role.Requester);
    public const string Approver = nameof(Role.Approver);
    public const string Admin = nameof(Role.Admin);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<Role>())
            options.AddPolicy(role.ToString(), p => p.RequireAuthenticatedUser().RequireRole(Enum.GetValues<Role>().Where(r => r >= role).Select(r => r.ToString())));
        // Whatever is not marked otherwise needs a signed-in person: a page or endpoint added later is closed by default.
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
