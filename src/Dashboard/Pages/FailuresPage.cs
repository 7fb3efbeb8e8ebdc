using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>Failed attempts grouped by workflow, step and error type, each with a link to its runs and a bulk replay.</summary>
internal static class FailuresPage
{
    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var now = request.Clock.GetUtcNow();
        var sinceText = request.Query("since") ?? "24h";
        var since = RunFilter.Time(sinceText, "since", now)!.Value;
        if (since >= now)
        {
            throw DashboardProblem.BadRequest($"The filter since \"{sinceText}\" is not in the past.");
        }

        var workflow = request.Query("workflow");
        var groups = await request.History.FailuresAsync(since, now.AddSeconds(1), workflow, 200, request.Aborted).ConfigureAwait(false);
        var rows = groups.Select(g =>
        {
            var runs = new RunFilter(sinceText, null, g.Workflow, g.Step, "failed", null, null, []);
            var replay = request.ActionForm("/failures/replay", "Replay failed runs…", Markup.Join(new[]
            {
                DashboardRequest.Hidden("since", sinceText), DashboardRequest.Hidden("workflow", g.Workflow), DashboardRequest.Hidden("step", g.Step),
            }));
            return Markup.Of($"""
                <tr><td>{g.Workflow}</td><td>{g.Step}</td><td><code>{g.ErrorType}</code><br><span class="error-text">{g.LastMessage ?? string.Empty}</span></td>
                <td class="num">{g.Failures}</td><td class="num">{g.Runs}</td><td>{Display.Time(g.FirstSeen)}</td><td>{Display.Time(g.LastSeen)}</td>
                <td><a href="{request.Url("/runs") + runs.QueryString()}">Failed runs</a> {replay}</td></tr>
                """);
        });
        var table = groups.Count == 0
            ? Markup.Of($"""<p class="muted">No attempt failed since {Display.Time(since)} UTC.</p>""")
            : Markup.Of($"""<table><thead><tr><th>Workflow</th><th>Step</th><th>Error</th><th>Failed attempts</th><th>Runs</th><th>First seen (UTC)</th><th>Last seen (UTC)</th><th></th></tr></thead><tbody>{rows}</tbody></table>""");
        var form = Markup.Of($"""
            <form method="get" action="{request.Url("/failures")}" class="filters">
            <label>Since<input type="text" name="since" value="{sinceText}" placeholder="24h"></label>
            <label>Workflow<input type="text" name="workflow" value="{workflow}"></label>
            <button type="submit">Show</button>
            </form>
            """);
        return new DashboardPage("Failures", Markup.Of($"{form}{table}"));
    }
}
