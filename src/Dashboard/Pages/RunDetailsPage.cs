using Inquir.Typed.Dashboard.Actions;
using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>One run: its state, input and result, every step with its checkpoint and every attempt, linked runs, and its actions.</summary>
internal static class RunDetailsPage
{
    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var id = RunId(request);
        var history = await request.History.GetAsync(id, request.Aborted).ConfigureAwait(false)
            ?? throw new RunNotFoundException(id, nameof(request));
        var run = history.Run;

        var summary = Markup.Of($"""
            <dl class="facts">
            <dt>Id</dt><dd><code>{run.Id}</code></dd>
            <dt>Workflow</dt><dd>{run.Workflow}</dd>
            <dt>Status</dt><dd>{Display.Status(run.Status)}</dd>
            {HeldBy(request, run.HeldBy)}
            <dt>Current step</dt><dd>{run.CurrentStep ?? "—"} (attempt {run.Attempt})</dd>
            <dt>Execution</dt><dd>{history.Execution}{Markup.When(history.Execution > 1, Markup.Of($" (replayed {history.Execution - 1} time(s))"))}</dd>
            <dt>Idempotency key</dt><dd>{run.IdempotencyKey ?? "—"}</dd>
            <dt>Created</dt><dd>{Display.Time(run.CreatedAt)} UTC</dd>
            <dt>Updated</dt><dd>{Display.Time(run.UpdatedAt)} UTC</dd>
            <dt>Completed</dt><dd>{Display.Time(run.CompletedAt)}</dd>
            <dt>Next attempt</dt><dd>{Display.Time(run.NextAttemptAt)}{Markup.When(run.Sleep is not null, Markup.Of($" ({Display.Sleep(run.Sleep)})"))}</dd>
            <dt>Deadline</dt><dd>{Display.Time(run.DeadlineAt)}</dd>
            {WaitsFor(history.AwaitedEvent)}
            </dl>
            """);
        var error = run.Error is { } text ? Markup.Of($"""<h2>Error</h2><pre class="error">{text}</pre>""") : Markup.Empty;
        var steps = Markup.Join(history.Steps.Select(Step));
        var body = Markup.Of($"""
            {Actions(request, run)}
            {summary}
            {(history.AwaitedEvent is { } awaited ? EventActions.Form(request, run.Id, awaited) : Markup.Empty)}
            {error}
            {Links(request, history)}
            <h2>Timeline</h2>
            {RunTimeline.Render(request, history, request.Clock.GetUtcNow())}
            <h2>Input</h2>{Display.Json(run.Input)}
            <h2>Result</h2>{Display.Json(run.Result)}
            <h2>Steps</h2>
            {(history.Steps.Count == 0 ? Markup.Of($"""<p class="muted">No step has run yet.</p>""") : steps)}
            """);
        return new DashboardPage($"Run {Display.Short(run.Id)} · {run.Workflow}", body);
    }

    public static Guid RunId(DashboardRequest request)
    {
        var text = request.Http.Request.RouteValues["id"] as string;
        return Guid.TryParseExact(text, "D", out var id)
            ? id
            : throw DashboardProblem.BadRequest($"\"{text}\" is not a run id (a GUID such as 3f2c9a4e-0b1d-4c8e-9f3a-2b7d6e5c4a10).");
    }

    private static Markup Actions(DashboardRequest request, RunInfo run)
    {
        var path = "/runs/" + run.Id.ToString("D");
        var actions = new List<Markup>();
        if (run.Status is RunStatus.Failed or RunStatus.Cancelled)
        {
            actions.Add(request.ActionForm(path + "/replay", "Replay from the failed step"));
        }

        if (run.IsFinished)
        {
            actions.Add(request.ActionForm(path + "/restart", "Restart from the input…"));
        }
        else
        {
            actions.Add(request.ActionForm(path + "/cancel", "Cancel…", buttonClass: "danger"));
        }

        return request.Options.ReadOnly ? Markup.Empty : Markup.Of($"""<div class="actions">{actions}</div>""");
    }

    // A held run is pending but not claimed: say which full limit keeps it, and link to where that limit's runs are seen.
    private static Markup HeldBy(DashboardRequest request, LimitHold? hold) => hold is null
        ? Markup.Empty
        : Markup.Of($"""<dt>Held by</dt><dd>limit <a href="{request.Url("/queues")}#limits">{hold.Limit}</a>{Markup.When(hold.Key.Length > 0, Markup.Of($", key {hold.Key}"))}: it waits for a slot, holding no worker</dd>""");

    private static Markup WaitsFor(AwaitedEvent? awaited) => awaited is null
        ? Markup.Empty
        : Markup.Of($"""<dt>Waits for</dt><dd>event '{awaited.Name}'{Markup.When(awaited.Until is not null, Markup.Of($" until {Display.Time(awaited.Until)} UTC"))}</dd>""");

    private static Markup Links(DashboardRequest request, RunHistory history)
    {
        var links = new List<Markup>();
        if (history.Run.ParentRunId is { } parent)
        {
            links.Add(Markup.Of($"""<li>Parent: <a href="{request.RunUrl(parent)}">{parent}</a></li>"""));
        }

        if (history.RestartedFromRunId is { } origin)
        {
            links.Add(Markup.Of($"""<li>Restarted from: <a href="{request.RunUrl(origin)}">{origin}</a></li>"""));
        }

        links.AddRange(history.Children.Select(child =>
            Markup.Of($"""<li>Child: <a href="{request.RunUrl(child.Id)}">{child.Id}</a> {child.Workflow} {Display.Status(child.Status)}</li>""")));
        links.AddRange(history.Restarts.Select(restart =>
            Markup.Of($"""<li>Restarted as: <a href="{request.RunUrl(restart.Id)}">{restart.Id}</a> {Display.Status(restart.Status)}</li>""")));
        return links.Count == 0 ? Markup.Empty : Markup.Of($"""<h2>Linked runs</h2><ul class="links">{links}</ul>""");
    }

    private static Markup Step(StepHistory step)
    {
        var checkpoint = step.Checkpoint is { } c
            ? Markup.Of($"""<p>Checkpoint from attempt {c.Attempt}, committed {Display.Time(c.CompletedAt)} UTC</p>{Display.Json(c.Output)}""")
            : Markup.Of($"""<p class="muted">No checkpoint yet.</p>""");
        var attempts = Markup.Join(step.Attempts.Select(a => Markup.Of($"""
            <tr><td class="num">{a.Execution}</td><td class="num">{a.Number}</td><td>{Display.Time(a.StartedAt)}</td><td class="num">{Display.Duration(a.Duration)}</td>
            <td>{Display.Outcome(a.Outcome)}</td><td>{a.Worker ?? "—"}</td>
            <td>{Markup.When(a.ErrorType is not null, Markup.Of($"<code>{a.ErrorType}</code> "))}<span class="error-text">{a.ErrorMessage ?? string.Empty}</span>{Stack(a)}{Logs(a)}</td></tr>
            """)));
        return Markup.Of($"""
            <section class="step">
            <h3>{step.Index + 1}. {step.Name}</h3>
            {checkpoint}
            {(step.Attempts.Count == 0 ? Markup.Empty : Markup.Of($"""
                <table><thead><tr><th>Execution</th><th>Attempt</th><th>Started (UTC)</th><th>Duration</th><th>Outcome</th><th>Worker</th><th>Error</th></tr></thead>
                <tbody>{attempts}</tbody></table>
                """))}
            </section>
            """);
    }

    private static Markup Stack(StepAttempt attempt) =>
        attempt.ErrorStack is { } stack ? Markup.Of($"""<details><summary>Stack trace</summary><pre>{stack}</pre></details>""") : Markup.Empty;

    private static Markup Logs(StepAttempt attempt) => attempt.Logs.Count == 0
        ? Markup.Empty
        : Markup.Of($"""<details><summary>Log ({attempt.Logs.Count} lines{Markup.When(attempt.DroppedLogLines > 0, Markup.Of($", {attempt.DroppedLogLines} dropped"))})</summary><pre>{string.Join("\n", attempt.Logs.Select(l => $"{Display.Time(l.Time)} {l.Level} {l.Message}"))}</pre></details>""");
}
