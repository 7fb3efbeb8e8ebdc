using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>Every stored schedule: its cron, next ticks, latest tick, and pause or resume.</summary>
internal static class SchedulesPage
{
    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var schedules = await request.Schedules.ListAsync(request.Aborted).ConfigureAwait(false);
        if (schedules.Count == 0)
        {
            return new DashboardPage("Schedules", Markup.Of($"""<p class="muted">No schedule is stored.</p>"""));
        }

        var rows = schedules.Select(s =>
        {
            var path = "/schedules/" + Uri.EscapeDataString(s.Name);
            var state = s.PausedByConfiguration
                ? Markup.Of($"""<span class="status pending">paused by configuration</span>""")
                : s.Paused ? Markup.Of($"""<span class="status pending">paused</span> since {Display.Time(s.PausedAt)}""") : Markup.Of($"""<span class="status succeeded">active</span>""");
            var action = s.Paused ? request.ActionForm(path + "/resume", "Resume") : request.ActionForm(path + "/pause", "Pause");
            var lastRun = s.LastTickAt is null ? Markup.Of($"—") : Markup.Of($"""{Display.Time(s.LastTickAt)} <a href="{request.Url("/runs")}?workflow={Uri.EscapeDataString(s.Workflow)}">runs</a>""");
            return Markup.Of($"""
                <tr><td>{s.Name}</td><td>{s.Workflow}</td><td><code>{s.Cron}</code> ({s.TimeZone})</td><td>{state}</td>
                <td>{(s.NextTicks.Count == 0 ? "—" : Display.Time(s.NextTicks[0]))}</td><td>{lastRun}</td><td>{action}</td></tr>
                """);
        });
        return new DashboardPage("Schedules", Markup.Of($"""
            <table><thead><tr><th>Schedule</th><th>Workflow</th><th>Cron</th><th>State</th><th>Next tick (UTC)</th><th>Last tick (UTC)</th><th></th></tr></thead><tbody>{rows}</tbody></table>
            """));
    }
}
