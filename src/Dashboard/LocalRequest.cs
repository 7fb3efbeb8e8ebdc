using System.Net;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard;

/// <summary>
/// Decides whether a request really comes from this machine, for the dashboard's local-only mode. A loopback peer
/// alone proves nothing: a reverse proxy or a sidecar on this machine passes on requests from anywhere, and a
/// DNS-rebinding page (<c>attacker.example</c> resolving to 127.0.0.1) makes the browser itself the loopback peer.
/// So a request is local only when all of these hold:
/// <list type="bullet">
/// <item>the peer is a loopback address (after <c>UseForwardedHeaders</c>, the address it resolved);</item>
/// <item>no forwarding header is left that the app did not consume (<c>ForwardedHeadersMiddleware</c> removes
/// those it applied, so a request it processed counts by the address it set);</item>
/// <item>the <c>Host</c> is a loopback name (<c>localhost</c> or a name under <c>.localhost</c>, which RFC 6761
/// reserves for loopback and browsers resolve without DNS, so no rebinding page can be served from one) or a
/// loopback address (127.0.0.0/8, <c>[::1]</c>);</item>
/// <item>an <c>Origin</c>, when sent, is the dashboard's own scheme, host and port.</item>
/// </list>
/// </summary>
internal static class LocalRequest
{
    /// <summary>The headers a proxy adds to say whom it passes a request on for.</summary>
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host"];

    /// <summary>Why <paramref name="request"/> is not from this machine, as a sentence for the refusal; <see langword="null"/> when it is.</summary>
    public static string? WhyNotLocal(HttpRequest request)
    {
        var peer = request.HttpContext.Connection.RemoteIpAddress;
        if (peer is null || !IPAddress.IsLoopback(Unmapped(peer)))
        {
            return $"This request came from {peer?.ToString() ?? "an unknown address"}, which is not a loopback address.";
        }

        if (ForwardingHeaders.FirstOrDefault(request.Headers.ContainsKey) is { } header)
        {
            return $"This request carries the header {header}: a proxy passed it on, maybe from another machine.";
        }

        if (!IsLoopbackHost(request.Host.Host))
        {
            return $"This request's Host \"{request.Host}\" is not a loopback name or address: a page of another site may have pointed its name at this machine.";
        }

        if (request.Headers.Origin is { Count: > 0 } origins && !origins.All(origin => IsOwnOrigin(request, origin)))
        {
            return $"This request's Origin \"{origins}\" is not the dashboard's own ({request.Scheme}://{request.Host}): a page of another site sent it.";
        }

        return null;
    }

    private static bool IsLoopbackHost(string host)
    {
        // A fully qualified name may end with a dot ("localhost."); names compare without case.
        var name = host.EndsWith('.') ? host[..^1] : host;
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        return IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(Unmapped(address));
    }

    private static bool IsOwnOrigin(HttpRequest request, string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme.Equals(request.Scheme, StringComparison.OrdinalIgnoreCase)
        && SameHost(uri.IdnHost, request.Host.Host)
        && uri.Port == (request.Host.Port ?? DefaultPort(request.Scheme));

    private static bool SameHost(string originHost, string requestHost) =>
        string.Equals(originHost.Trim('[', ']').TrimEnd('.'), requestHost.Trim('[', ']').TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static int DefaultPort(string scheme) => scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
