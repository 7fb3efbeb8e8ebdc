using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard;

/// <summary>The dashboard's stylesheet, embedded in the assembly (no CDN, no font download).</summary>
internal static class Stylesheet
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Inquir.Typed.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard's stylesheet is missing from its assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static Task WriteAsync(HttpContext http)
    {
        if (!DashboardEndpoint.AuthorizationConfigured(http) && LocalRequest.WhyNotLocal(http.Request) is not null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        DashboardResponse.SecurityHeaders(http.Response);
        http.Response.ContentType = "text/css; charset=utf-8";
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return http.Response.Body.WriteAsync(Content.Value, http.RequestAborted).AsTask();
    }
}
