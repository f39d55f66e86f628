using Microsoft.AspNetCore.Authorization;
using ReportEngine.Service.Web.Accounts;

namespace ReportEngine.Service.Web.Security;

/// <summary>The access rules of web.md, one policy per role; each role's policy admits the roles above it.</summary>
public static class AccessPolicy
{
    public const string Viewer = nameof(Role.Viewer);
    public const string Requester = nameof(Role.Requester);
    public const string Admin = nameof(Role.Admin);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Viewer), nameof(Role.Requester), nameof(Role.Admin)));
        options.AddPolicy(Requester, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Requester), nameof(Role.Admin)));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin)));
        // Whatever is not marked otherwise needs a signed-in person: a page or endpoint added later is closed by default.
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
