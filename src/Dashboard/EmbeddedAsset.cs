using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard;

/// <summary>A file of the dashboard's own, embedded in the assembly and served from its path (no CDN, no font download, no JavaScript build).</summary>
internal sealed class EmbeddedAsset(string resource, string contentType)
{
    public static readonly EmbeddedAsset Stylesheet = new("Inquir.Typed.Dashboard.dashboard.css", "text/css; charset=utf-8");

    /// <summary>The live refresh of the pages (see <see cref="InquirDashboardOptions.LiveRefresh"/>).</summary>
    public static readonly EmbeddedAsset Script = new("Inquir.Typed.Dashboard.dashboard.js", "text/javascript; charset=utf-8");

    private readonly Lazy<byte[]> _content = new(() =>
    {
        using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The dashboard's {resource} is missing from its assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public Task WriteAsync(HttpContext http)
    {
        if (!DashboardEndpoint.AuthorizationConfigured(http) && LocalRequest.WhyNotLocal(http.Request) is not null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        DashboardResponse.SecurityHeaders(http.Response);
        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return http.Response.Body.WriteAsync(_content.Value, http.RequestAborted).AsTask();
    }
}
