using System.Globalization;
using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>
/// The limits beside the queues: each limit's concurrency and rate, its runs holding a slot and held waiting for one,
/// its keys (busy of all) and its busiest keys, never every key: a limit per tenant can have thousands.
/// </summary>
internal static class LimitsSection
{
    /// <summary>How many of each keyed limit's busiest keys the page names.</summary>
    public const int TopKeys = 5;

    public static async Task<Markup> RenderAsync(DashboardRequest request)
    {
        var limits = await request.Limits.ListAsync(TopKeys, request.Aborted).ConfigureAwait(false);
        if (limits.Count == 0)
        {
            return Markup.Of($"""
                <h2 id="limits">Limits</h2>
                <p class="muted">No limit is known: a limit is known once a worker that enforces it has started or a run has counted under it.</p>
                """);
        }

        var rows = limits.Select(l => Markup.Of($"""
            <tr><td>{l.Name}</td><td>{Defined(l, l.Concurrency > 0 ? Count(l.Concurrency) : "—")}</td><td>{Defined(l, l.Rate ?? "—")}</td><td>{Defined(l, l.PerKey ? "per key" : "all runs")}</td>
            <td>{Count(l.Running)}</td><td>{Count(l.Waiting)}</td><td>{Count(l.BusyKeys)} of {Count(l.Keys)}</td><td>{Keys(l.BusiestKeys)}</td></tr>
            """));
        return Markup.Of($"""
            <h2 id="limits">Limits</h2>
            <table class="limits"><thead><tr><th>Limit</th><th>Concurrency</th><th>Rate</th><th>Counted</th><th>Running</th><th>Waiting</th><th>Busy keys</th><th>Busiest keys</th></tr></thead><tbody>{Markup.Join(rows)}</tbody></table>
            """);
    }

    // A limit only counters name has no stored definition: no worker that enforces it has started since it was.
    private static string Defined(LimitInfo limit, string value) => limit.Defined ? value : "?";

    private static Markup Keys(IReadOnlyList<LimitKeyInfo> keys) => keys.Count == 0
        ? Markup.Of($"—")
        : Markup.Of($"""<ul class="keys">{Markup.Join(keys.Select(Key))}</ul>""");

    private static Markup Key(LimitKeyInfo key) =>
        Markup.Of($"""<li>{(key.Key.Length == 0 ? "(no key)" : key.Key)}: {Count(key.Running)} running, {Count(key.Waiting)} waiting</li>""");

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
