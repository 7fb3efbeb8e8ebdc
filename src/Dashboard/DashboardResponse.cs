using Inquir.Typed.Dashboard.Html;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard;

/// <summary>Writes a page with the headers that keep it safe: a strict Content-Security-Policy, no sniffing, no caching.</summary>
internal static class DashboardResponse
{
    /// <summary>
    /// Only the dashboard's own stylesheet and script load (and the empty data: icon, so the browser asks for no
    /// favicon); no inline script or style runs; the script fetches only from this origin; forms post only back to it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task WriteAsync(HttpContext http, int statusCode, Markup page)
    {
        http.Response.StatusCode = statusCode;
        SecurityHeaders(http.Response);
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(page.Value, http.RequestAborted);
    }

    public static void SecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
    }
}
