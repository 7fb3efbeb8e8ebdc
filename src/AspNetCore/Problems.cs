using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>Error answers as RFC 9457 problem details, with a detail that names what was wrong and never holds a secret.</summary>
internal static class Problems
{
    private const int LongestEcho = 100;

    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context);

    /// <summary>A value from the request, cut short enough to echo.</summary>
    public static string Shorten(string? text) =>
        text is null ? "" : text.Length <= LongestEcho ? text : text[..LongestEcho] + "…";
}
