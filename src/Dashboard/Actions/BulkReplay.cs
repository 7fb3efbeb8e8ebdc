using Inquir.Typed.Dashboard.Html;
using Inquir.Typed.Dashboard.Pages;

namespace Inquir.Typed.Dashboard.Actions;

/// <summary>Replays every failed run a filter matches: first a dry run that counts them and asks, then the replay.</summary>
internal static class BulkReplay
{
    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var form = request.Http.Request.Form;
        var filter = RunFilter.From(form) with { Status = null };
        var query = filter.ToQuery(request.Clock.GetUtcNow(), RunQuery.MaxLimit, null);
        var back = Markup.Of($"""<a class="button" href="{request.Url("/runs") + (filter with { Status = "failed" }).QueryString()}">See the runs</a>""");
        if (!RunActions.Confirmed(request))
        {
            var count = await request.History.ReplayFailedAsync(query, dryRun: true, request.Aborted).ConfigureAwait(false);
            if (count == 0)
            {
                return new DashboardPage("Nothing to replay", Markup.Of($"""<p>No failed run matches {filter.Describe()}.</p><p>{back}</p>"""));
            }

            var fields = Markup.Join(RunFilter.Names.Where(n => filter.Value(n) is not null).Select(n => DashboardRequest.Hidden(n, filter.Value(n)))
                .Concat(filter.Input.Select(i => DashboardRequest.Hidden("input", i)))
                .Append(DashboardRequest.Hidden(RunActions.ConfirmField, "yes")));
            return new DashboardPage("Replay failed runs?", Markup.Of($"""
                <p>Dry run: <strong>{count}</strong> failed run(s) match {filter.Describe()}. Each goes on from the step that failed.</p>
                <div class="actions">{request.ActionForm("/failures/replay", $"Yes, replay {count} run(s)", fields, "danger")} {back}</div>
                """));
        }

        var replayed = await request.History.ReplayFailedAsync(query, dryRun: false, request.Aborted).ConfigureAwait(false);
        return new DashboardPage("Replayed", Markup.Of($"""<p class="done">Replayed {replayed} failed run(s) matching {filter.Describe()}.</p><p>{back}</p>"""));
    }
}
