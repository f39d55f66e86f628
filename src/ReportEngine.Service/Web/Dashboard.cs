using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportEngine.Hosting;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Api;
using ReportEngine.Service.Web.Audit;
using ReportEngine.Service.Web.Reports;
using ReportEngine.Service.Web.Requests;
using ReportEngine.Service.Web.Security;
using ReportEngine.Service.Web.Security.SignInKeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ReportEngine.Service.Web;

/// <summary>
/// The dashboard and API of web.md: sign-in (password, API token, OpenID Connect), the access rules, the pages, the
/// JSON API and its OpenAPI document, and Hangfire's dashboard for Admin.
/// </summary>
public static class Dashboard
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddDashboardStores();
        services.AddSingleton<RequestDesk>();
        services.AddSingleton<Drafts.DraftDesk>();
        services.AddOptions<Datasets.UploadOptions>().BindSettings(Datasets.UploadOptions.Section);
        services.AddSingleton<Datasets.StagedDatasets>();
        services.AddSingleton<Datasets.DatasetDesk>();
        // The upload page's form is read (for its antiforgery token) before its handler runs: up to the upload limit.
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<IOptions<Datasets.UploadOptions>>((form, uploads) =>
            form.MultipartBodyLengthLimit = uploads.Value.MaxBytes + 1024 * 1024);
        services.AddSingleton<LocalTimes>();
        services.AddScoped<AuthorityNames>();
        services.AddSingleton<FailureThrottle>();
        services.AddHttpContextAccessor();
        // Sign-in cookies and antiforgery tokens are protected with keys every serve on the database shares.
        var signInKeys = SignInKeyCertificate.OpenOrMake(SignInKeyCertificate.PathIn(configuration));
        services.AddSingleton(signInKeys);
        services.AddSingleton<PostgresKeyRing>();
        services.AddDataProtection().SetApplicationName("ReportEngine").ProtectKeysWithCertificate(signInKeys.Certificate);
        services.AddOptions<KeyManagementOptions>().Configure<PostgresKeyRing>((keys, ring) => keys.XmlRepository = ring);

        SignInSchemes.Add(services, configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions());
        services.AddAuthorization(AccessPolicy.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "reportengine.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Web/Pages";
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/Accessibility");
                o.Conventions.AuthorizeFolder("/Admin", AccessPolicy.Admin);
                o.Conventions.AuthorizePage("/Requests/New", AccessPolicy.Requester);
                o.Conventions.AuthorizePage("/Datasets/Upload", AccessPolicy.Requester);
                // The address emails link to (delivery.md).
                o.Conventions.AddPageRoute("/Archive/Entry", "/packs/{id}");
            })
            .AddApplicationPart(typeof(Dashboard).Assembly);
        services.AddProblemDetails();
        // One line a request without its query string, where a token pasted into a link would otherwise be logged whole.
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestMethod | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestPath |
                              Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.ResponseStatusCode | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ReportEngine API";
            document.Info.Description = "Ask for inspection-readiness reports, follow them and download them. Sign in with 'Authorization: Bearer TOKEN'.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The stores the dashboard and the <c>users</c> command share.</summary>
    public static IServiceCollection AddDashboardStores(this IServiceCollection services)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<ArchivedReports>();
        return services;
    }

    public static void UseDashboard(this WebApplication app)
    {
        // Only the configured proxies' forwarded headers are believed (none by default, not even loopback's, as
        // ASP.NET Core would): anyone else could write any address into the audit log.
        var proxies = app.Services.GetRequiredService<IOptions<Hosting.ServiceOptions>>().Value.TrustedProxyNetworks(out _);
        if (proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in proxies) forwarded.KnownIPNetworks.Add(network);
            app.UseForwardedHeaders(forwarded);
        }
        app.UseSecurityHeaders();
        app.UseHttpLogging();
        app.UseApiProblems();
        // An upload's body may be as large as ReportEngine__Uploads__MaxBytes; every other request keeps the server's own limit.
        var uploadLimit = app.Services.GetRequiredService<IOptions<Datasets.UploadOptions>>().Value.MaxBytes + 1024 * 1024;
        app.Use((context, next) =>
        {
            if ((context.Request.Path.StartsWithSegments("/datasets") || context.Request.Path.StartsWithSegments("/api/v1/datasets"))
                && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = uploadLimit;
            return next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // web.md version 2: a person whose password an Admin set chooses their own before any other page.
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (context.AccountOrNull() is not { MustChangePassword: true } || !HttpMethods.IsGet(context.Request.Method)
                || path.StartsWithSegments("/api") || path.StartsWithSegments("/account/password") || path.StartsWithSegments("/static")
                || path.StartsWithSegments("/accessibility") || path.StartsWithSegments("/health"))
                return next(context);
            context.Response.Redirect("/account/password");
            return Task.CompletedTask;
        });
        app.UseAntiforgery();

        StaticAssets.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicy.Viewer).DisableAntiforgery();
        RequestsApi.Map(api);
        PacksApi.Map(api);
        PeriodsApi.Map(api);
        DatasetsApi.Map(api);
        DraftsApi.Map(api);
        AuditApi.Map(api);
        app.MapRazorPages();
        Jobs.JobsDashboard.Map(app);
    }
}
