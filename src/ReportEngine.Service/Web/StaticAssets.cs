using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ReportEngine.Service.Web;

/// <summary>
/// The dashboard's own stylesheet and script (<c>Web/Static</c>), embedded in the assembly and served at
/// <c>/static/NAME</c> to anyone: nothing is fetched from another site, and nothing there is secret.
/// </summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type, string ETag)> Assets = Load();

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.ETag = asset.ETag;
            return context.Request.Headers.IfNoneMatch == asset.ETag ? Results.StatusCode(304) : Results.Bytes(asset.Bytes, asset.Type);
        }).AllowAnonymous().ExcludeFromDescription();

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("static/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var type = Path.GetExtension(resource) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            assets[resource["static/".Length..]] = (bytes, type, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"");
        }
        return assets;
    }
}
