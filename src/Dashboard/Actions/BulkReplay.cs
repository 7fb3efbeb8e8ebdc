using Inquir.Typed.Dashboard.Html;
using Inquir.Typed.Dashboard.Pages;

namespace Inquir.Typed.Dashboard.Actions;

/// <summary>
/// Replays the failed runs a filter matches: first a dry run that counts them and asks, then the replay of exactly
/// the runs counted. The confirmation carries their ids, not the filter: a filter read again when the operator
/// confirms ("since 1h" an hour later, a run that failed meanwhile) would replay runs the count never showed.
/// </summary>
internal static class BulkReplay
{
    /// <summary>The most runs one confirmation replays (one page of the search): their ids travel in its form.</summary>
    public const int MaxRuns = RunQuery.MaxLimit;

    private const string RunsField = "runs";

    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var form = request.Http.Request.Form;
        var filter = RunFilter.From(form) with { Status = null };
        var back = Markup.Of($"""<a class="button" href="{request.Url("/runs") + (filter with { Status = "failed" }).QueryString()}">See the runs</a>""");
        return RunActions.Confirmed(request)
            ? await ReplayCountedAsync(request, filter, CountedRuns(form[RunsField].ToString()), back).ConfigureAwait(false)
            : await CountAsync(request, filter, back).ConfigureAwait(false);
    }

    private static async Task<DashboardPage> CountAsync(DashboardRequest request, RunFilter filter, Markup back)
    {
        var query = filter.ToQuery(request.Clock.GetUtcNow(), MaxRuns, null) with { Status = RunStatus.Failed };
        var page = await request.History.SearchAsync(query, request.Aborted).ConfigureAwait(false);
        var counted = page.Runs.Select(run => run.Id).ToList();
        var total = counted.Count;
        for (var cursor = page.NextCursor; cursor is not null;)
        {
            var next = await request.History.SearchAsync(query with { Cursor = cursor }, request.Aborted).ConfigureAwait(false);
            total += next.Runs.Count;
            cursor = next.NextCursor;
        }

        if (total == 0)
        {
            return new DashboardPage("Nothing to replay", Markup.Of($"""<p>No failed run matches {filter.Describe()}.</p><p>{back}</p>"""));
        }

        var fields = Markup.Join(RunFilter.Names.Where(n => filter.Value(n) is not null).Select(n => DashboardRequest.Hidden(n, filter.Value(n)))
            .Concat(filter.Input.Select(i => DashboardRequest.Hidden("input", i)))
            .Append(DashboardRequest.Hidden(RunsField, string.Join(' ', counted.Select(id => id.ToString("D")))))
            .Append(DashboardRequest.Hidden(RunActions.ConfirmField, "yes")));
        var limited = Markup.When(total > counted.Count, Markup.Of(
            $"""<p>One confirmation replays at most {MaxRuns} runs: these are the newest {counted.Count}. Count again afterwards for the rest.</p>"""));
        return new DashboardPage("Replay failed runs?", Markup.Of($"""
            <p>Dry run: <strong>{total}</strong> failed run(s) match {filter.Describe()}. Each goes on from the step that failed.</p>
            {limited}<p>Exactly the runs counted now are replayed: a run that fails after this count is not among them, and one that is no longer failed when you confirm is left alone.</p>
            <div class="actions">{request.ActionForm("/failures/replay", $"Yes, replay {counted.Count} run(s)", fields, "danger")} {back}</div>
            """));
    }

    private static async Task<DashboardPage> ReplayCountedAsync(DashboardRequest request, RunFilter filter, List<Guid> counted, Markup back)
    {
        var replayed = 0;
        foreach (var id in counted)
        {
            if (await ReplayIfFailedAsync(request, id).ConfigureAwait(false))
            {
                replayed++;
            }
        }

        var leftAlone = Markup.When(replayed < counted.Count, Markup.Of(
            $"""<p>{counted.Count - replayed} of the {counted.Count} run(s) counted were no longer failed (replayed, or deleted, since) and were left alone.</p>"""));
        return new DashboardPage("Replayed", Markup.Of($"""<p class="done">Replayed {replayed} failed run(s) matching {filter.Describe()}.</p>{leftAlone}<p>{back}</p>"""));
    }

    /// <summary>
    /// Replays the run if it is still failed. A counted run someone replayed since is pending, running, succeeded,
    /// or failed or cancelled again; only failed ones are replayed, as the count promised.
    /// </summary>
    private static async Task<bool> ReplayIfFailedAsync(DashboardRequest request, Guid id)
    {
        if (await request.Client.GetRunAsync(id, request.Aborted).ConfigureAwait(false) is not { Status: RunStatus.Failed })
        {
            return false;
        }

        try
        {
            await request.History.ReplayAsync(id, request.Aborted).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RunStateException or RunNotFoundException)
        {
            // Replayed or deleted by someone else between the read and the replay.
            return false;
        }
    }

    /// <summary>The ids the count put in the confirmation; a form that carries none, or not ids, was not made by the count.</summary>
    private static List<Guid> CountedRuns(string text)
    {
        var ids = new List<Guid>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            ids.Add(Guid.TryParseExact(part, "D", out var id)
                ? id
                : throw DashboardProblem.BadRequest($"The confirmation's run \"{part}\" is not a run id: count again from the failures page."));
        }

        return ids.Count is > 0 and <= MaxRuns
            ? ids.Distinct().ToList()
            : throw DashboardProblem.BadRequest($"The confirmation carries {ids.Count} counted runs (1 to {MaxRuns} are replayed at once): count again from the failures page.");
    }
}
