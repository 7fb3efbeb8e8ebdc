using System.Globalization;
using System.Text;

namespace Inquir.Typed.Testing;

/// <summary>
/// The runs that have not finished, read from the history store at one fake time: those a worker holds, those due
/// now, those waiting for a later time (a backoff, a sleep, a snooze, or the timeout of a wait for an event), and
/// those whose deadline has passed and that the worker's sweep has still to fail. What "idle" means is decided here.
/// </summary>
internal sealed record UnfinishedRuns(DateTimeOffset Now, IReadOnlyList<RunInfo> Running, IReadOnlyList<RunInfo> Due, IReadOnlyList<RunInfo> Waiting)
{
    /// <summary>Unended runs whose deadline has passed: the worker's sweep fails them.</summary>
    public IReadOnlyList<RunInfo> PastDeadline { get; private init; } = [];

    /// <summary>The deadlines still ahead of unended runs, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> Deadlines { get; private init; } = [];

    /// <summary>When the waits for events of runs waiting for one time out, after now.</summary>
    public IReadOnlyList<DateTimeOffset> EventTimeouts { get; private init; } = [];

    /// <summary>Idle: no run is held by a worker, none is due, and none is past its deadline at the current fake time.</summary>
    public bool IsIdle => Running.Count == 0 && Due.Count == 0 && PastDeadline.Count == 0;

    /// <summary>Whether only the deadline sweep is left to do: every run past its deadline waits for it, and nothing else runs or is due.</summary>
    public bool WaitsOnlyForTheDeadlineSweep => Running.Count == 0 && Due.Count == 0 && PastDeadline.Count > 0;

    /// <summary>
    /// The earliest time a waiting run becomes due (a retry, a sleep, a snooze, an event's timeout) or a run's deadline
    /// passes (the next wake-up); <see langword="null"/> when there is none.
    /// </summary>
    public DateTimeOffset? NextDueAt => Waiting.Select(r => r.NextAttemptAt).OfType<DateTimeOffset>().Concat(EventTimeouts).Concat(Deadlines)
        .Order().Cast<DateTimeOffset?>().FirstOrDefault();

    /// <summary>
    /// Reads every run in one statement, so that the reading is one snapshot: a run that moves from due to running
    /// (or back, on a retry with no delay) between two reads cannot be missed by both. More runs than one page holds
    /// take more statements; <see cref="IsSnapshot"/> is then false and the caller reads again to confirm.
    /// </summary>
    public static async Task<UnfinishedRuns> ReadAsync(IWorkflowHistory history, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = new List<RunInfo>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await history.SearchAsync(new RunQuery { Limit = RunQuery.MaxLimit, Cursor = cursor }, cancellationToken).ConfigureAwait(false);
            runs.AddRange(page.Runs.Where(r => !r.IsFinished));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        var running = runs.Where(r => r.Status == RunStatus.Running).ToArray();
        var due = runs.Where(r => r.Status == RunStatus.Pending && (r.NextAttemptAt is null || r.NextAttemptAt <= now)).ToArray();
        var waiting = runs.Where(r => r.Status == RunStatus.Pending && r.NextAttemptAt > now).OrderBy(r => r.NextAttemptAt).ToArray();
        var pastDeadline = runs.Where(r => r.DeadlineAt <= now).ToArray();
        var deadlines = runs.Where(r => r.DeadlineAt > now).Select(r => r.DeadlineAt!.Value).Order().ToArray();

        // A run waiting for an event is due once its timeout has passed (the worker's sweep makes it pending), and
        // until then the clock may move to that timeout.
        var timeouts = new List<DateTimeOffset>();
        foreach (var run in runs.Where(r => r.Status == RunStatus.Waiting))
        {
            if ((await history.GetAsync(run.Id, cancellationToken).ConfigureAwait(false))?.AwaitedEvent?.Until is { } until)
            {
                if (until <= now)
                {
                    due = [.. due, run];
                }
                else
                {
                    timeouts.Add(until);
                }
            }
        }

        return new UnfinishedRuns(now, running, due, waiting) { IsSnapshot = pages == 1, PastDeadline = pastDeadline, Deadlines = deadlines, EventTimeouts = timeouts };
    }

    /// <summary>Whether the reading took one statement (see <see cref="ReadAsync"/>).</summary>
    public bool IsSnapshot { get; private init; }

    /// <summary>Lists what is still running or due, for the message of a host that did not become idle.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var run in Running)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  run {RunText.ShortId(run.Id)} ({run.Workflow}) is running step '{run.CurrentStep}', attempt {run.Attempt}");
        }

        foreach (var run in Due)
        {
            text.Append(run.Status == RunStatus.Waiting
                ? string.Create(CultureInfo.InvariantCulture, $"\n  run {RunText.ShortId(run.Id)} ({run.Workflow}) waits at step '{run.CurrentStep}' for an event whose timeout has passed, and no worker made it due")
                : string.Create(CultureInfo.InvariantCulture, $"\n  run {RunText.ShortId(run.Id)} ({run.Workflow}) is due at step '{run.CurrentStep}' and no worker claimed it; is '{run.Workflow}' added with services.AddWorkflow<T>()?"));
        }

        foreach (var run in PastDeadline)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  run {RunText.ShortId(run.Id)} ({run.Workflow}) is past its deadline ({run.DeadlineAt:O}) and has not been failed yet");
        }

        return text.ToString();
    }
}
