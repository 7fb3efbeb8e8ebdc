using System.Globalization;
using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>
/// Every known queue: paused or active, its runs by status (held by a limit apart), the oldest due run's wait, and pause
/// or resume; below them the limits (<see cref="LimitsSection"/>).
/// </summary>
internal static class QueuesPage
{
    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var queues = await request.Queues.ListAsync(request.Aborted).ConfigureAwait(false);
        var limits = await LimitsSection.RenderAsync(request).ConfigureAwait(false);
        if (queues.Count == 0)
        {
            return new DashboardPage("Queues", Markup.Of($"""<p class="muted">No queue is known: a queue is known once a worker serving it has started or a run is in it.</p>{limits}"""));
        }

        var rows = queues.Select(q =>
        {
            var path = "/queues/" + Uri.EscapeDataString(q.Name);
            var state = q.Paused
                ? Markup.Of($"""<span class="status pending">paused</span> since {Display.Time(q.PausedAt)}""")
                : Markup.Of($"""<span class="status succeeded">active</span>""");
            var action = q.Paused ? request.ActionForm(path + "/resume", "Resume") : request.ActionForm(path + "/pause", "Pause");
            return Markup.Of($"""
                <tr><td>{q.Name}</td><td>{state}</td><td>{Count(q.Due)}</td><td>{Count(q.Scheduled)}</td><td>{Count(q.Held)}</td><td>{Count(q.Running)}</td><td>{Count(q.Waiting)}</td>
                <td>{(q.OldestDueAge is { } age ? Display.Duration(age) : "—")}</td><td>{action}</td></tr>
                """);
        });
        return new DashboardPage("Queues", Markup.Of($"""
            <table><thead><tr><th>Queue</th><th>State</th><th>Due</th><th>Scheduled</th><th>Held</th><th>Running</th><th>Waiting</th><th>Oldest due</th><th></th></tr></thead><tbody>{rows}</tbody></table>
            {limits}
            """));
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
