using System.Globalization;

namespace Inquir.Typed.Dashboard.Html;

/// <summary>
/// A run on a time axis, drawn on the server as SVG: one row per step with a bar per attempt (coloured and titled by
/// how it ended), the wait between two attempts of a step drawn as a dashed gap labelled with its length (the
/// backoff), the wait before a step that started later than the one before it ended, the wait the run is in now, and
/// one row per child run linking to it. A run still in progress is drawn up to now.
/// </summary>
internal static class RunTimeline
{
    private const int Width = 960;
    private const int LabelWidth = 190;
    private const int Right = 16;
    private const int RowHeight = 24;
    private const int Top = 8;
    private const int AxisHeight = 24;
    private const double LabelCharWidth = 5.5;

    public static Markup Render(DashboardRequest request, RunHistory history, DateTimeOffset now)
    {
        var run = history.Run;
        var rows = new List<Row>();
        DateTimeOffset? previousEnd = null;
        foreach (var step in history.Steps)
        {
            var bars = new List<Bar>();
            StepAttempt? before = null;
            foreach (var attempt in step.Attempts)
            {
                var finished = attempt.StartedAt + attempt.Duration;
                if (before is not null && before.Execution == attempt.Execution)
                {
                    var from = before.StartedAt + before.Duration;
                    var waited = $"waited {Display.Duration(attempt.StartedAt - from)}";
                    bars.Add(before.Outcome switch
                    {
                        // The step returned child runs or an event wait: the run waited for them, then the step completed.
                        StepAttemptOutcome.Succeeded => new Bar("wait", from, attempt.StartedAt, waited, $"Waited {Display.Duration(attempt.StartedAt - from)} for the step's children or event"),
                        StepAttemptOutcome.Snoozed => new Bar("gap", from, attempt.StartedAt, waited, $"Waited {Display.Duration(attempt.StartedAt - from)} before attempt {attempt.Number} (the step snoozed)"),
                        _ => new Bar("gap", from, attempt.StartedAt, waited, $"Waited {Display.Duration(attempt.StartedAt - from)} before attempt {attempt.Number} (the retry's backoff)"),
                    });
                }
                else if (before is null && previousEnd is { } stepBefore && attempt.StartedAt > stepBefore)
                {
                    bars.Add(new Bar("wait", stepBefore, attempt.StartedAt, $"waited {Display.Duration(attempt.StartedAt - stepBefore)}", $"Waited {Display.Duration(attempt.StartedAt - stepBefore)} after the step before ended (a sleep, an event, children, or a queue)"));
                }

                bars.Add(new Bar(
                    "attempt " + OutcomeClass(attempt.Outcome),
                    attempt.StartedAt,
                    finished,
                    null,
                    $"Attempt {attempt.Number}{(attempt.Execution > 1 ? $" of execution {attempt.Execution}" : string.Empty)}: {Display.Lower(attempt.Outcome)} after {Display.Duration(attempt.Duration)}, started {Display.Time(attempt.StartedAt)} UTC{(attempt.ErrorMessage is { } message ? " — " + message : string.Empty)}"));
                before = attempt;
            }

            if (before is not null && step.Name == run.CurrentStep && Pending(run) is { } pending)
            {
                var from = before.StartedAt + before.Duration;
                bars.Add(new Bar("gap", from, Max(from, pending.Until), pending.Label, pending.Title));
            }

            rows.Add(new Row($"{step.Index + 1}. {step.Name}", null, bars));
            previousEnd = before is null ? previousEnd : before.StartedAt + before.Duration;
        }

        if (run.Status == RunStatus.Waiting && previousEnd is { } waitingSince)
        {
            var (label, until) = history.AwaitedEvent is { } awaited
                ? ($"waits for event '{awaited.Name}'", awaited.Until is { } timeout && timeout < now ? timeout : now)
                : ("waits for its children", now);
            rows.Add(new Row("waiting", null, [new Bar("wait current", waitingSince, Max(waitingSince, until), label, $"Since {Display.Time(waitingSince)} UTC the run {label}")]));
        }

        rows.AddRange(history.Children.Select(child => new Row(
            $"child {Display.Short(child.Id)} {child.Workflow}",
            request.RunUrl(child.Id),
            [new Bar("child " + Display.Lower(child.Status), child.CreatedAt, child.CompletedAt ?? Max(child.CreatedAt, now), Display.Lower(child.Status), $"Child run {child.Id} ({child.Workflow}): {Display.Lower(child.Status)}")])));

        if (rows.All(r => r.Bars.Count == 0))
        {
            return Markup.Of($"""<p class="muted">Nothing to draw yet: no step has started.</p>""");
        }

        var start = Min(run.CreatedAt, rows.SelectMany(r => r.Bars).Min(b => b.From));
        var end = rows.SelectMany(r => r.Bars).Max(b => b.To);
        end = run.IsFinished ? Max(end, run.CompletedAt ?? end) : Max(end, now);
        var span = Math.Max((end - start).TotalMilliseconds, 1);
        double X(DateTimeOffset at) => LabelWidth + (Width - LabelWidth - Right) * ((at - start).TotalMilliseconds / span);
        string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        var height = Top + rows.Count * RowHeight + AxisHeight;

        var ticks = Markup.Join(Enumerable.Range(0, 5).Select(i =>
        {
            var at = start + TimeSpan.FromMilliseconds(span * i / 4);
            return Markup.Of($"""<line class="axis" x1="{F(X(at))}" x2="{F(X(at))}" y1="{Top}" y2="{height - AxisHeight}"/><text x="{F(X(at))}" y="{height - 8}" text-anchor="{(i == 0 ? "start" : i == 4 ? "end" : "middle")}">+{Display.Duration(at - start)}</text>""");
        }));
        var drawn = Markup.Join(rows.Select((row, index) =>
        {
            var y = Top + index * RowHeight;
            var bars = Markup.Join(row.Bars.Select(bar =>
            {
                var x = X(bar.From);
                var width = Math.Max(3, X(bar.To) - x);
                // A label wider than its bar would cover its neighbours; the bar's title still says it.
                var text = bar.Label is { } label && label.Length * LabelCharWidth <= width + 8
                    ? Markup.Of($"""<text class="bar-label" x="{F(x + width / 2)}" y="{y + RowHeight - 12}" text-anchor="middle">{label}</text>""")
                    : Markup.Empty;
                var shape = bar.Css.StartsWith("gap", StringComparison.Ordinal)
                    ? Markup.Of($"""<line class="{bar.Css}" x1="{F(x)}" x2="{F(x + width)}" y1="{y + RowHeight - 6}" y2="{y + RowHeight - 6}"><title>{bar.Title}</title></line>""")
                    : Markup.Of($"""<rect class="{bar.Css}" x="{F(x)}" y="{y + 4}" width="{F(width)}" height="{RowHeight - 8}" rx="2"><title>{bar.Title}</title></rect>""");
                return Markup.Of($"{shape}{text}");
            }));
            var name = Markup.Of($"""<text class="row-label" x="4" y="{y + RowHeight / 2 + 4}">{row.Label}</text>""");
            return row.Link is { } link
                ? Markup.Of($"""<a href="{link}"><rect class="hit" x="0" y="{y}" width="{Width}" height="{RowHeight}"/>{name}{bars}</a>""")
                : Markup.Of($"{name}{bars}");
        }));
        var legend = Markup.Of($"""
            <div class="legend"><span><span class="swatch ok"></span>succeeded</span><span><span class="swatch bad"></span>failed, timed out, abandoned</span><span><span class="swatch snoozed"></span>snoozed or interrupted</span><span><span class="swatch gap"></span>backoff before a retry</span><span><span class="swatch wait"></span>wait (sleep, event, children)</span></div>
            """);
        return Markup.Of($"""
            <svg class="chart timeline" viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" aria-label="Timeline of the run's steps, attempts, waits and children">{ticks}{drawn}</svg>
            {legend}
            """);
    }

    private static string OutcomeClass(StepAttemptOutcome outcome) => outcome switch
    {
        StepAttemptOutcome.Succeeded => "ok",
        StepAttemptOutcome.Failed or StepAttemptOutcome.TimedOut or StepAttemptOutcome.Abandoned => "bad",
        _ => "snoozed",
    };

    // Why a pending run is not running now: a retry's backoff, a sleep or a snooze until its next attempt.
    private static (DateTimeOffset Until, string Label, string Title)? Pending(RunInfo run) =>
        run.Status == RunStatus.Pending && run.NextAttemptAt is { } next
            ? (next, run.Sleep is null ? $"next attempt at {Display.Time(next)}" : Display.Sleep(run.Sleep), $"The next attempt is due at {Display.Time(next)} UTC")
            : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Bar(string Css, DateTimeOffset From, DateTimeOffset To, string? Label, string Title);

    private sealed record Row(string Label, string? Link, IReadOnlyList<Bar> Bars);
}
