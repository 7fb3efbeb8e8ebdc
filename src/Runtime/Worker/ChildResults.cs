using System.Text;
using System.Text.Json;
using Inquir.Typed.Generated;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// The two halves of a step that returns child runs. When the step returns, its handles become the children the
/// run waits for; when the run is woken (its children ended), their stored results become the step's checkpoint:
/// one child's result JSON as it is, or a JSON array of the results in start order, which the next step's
/// generated serializer reads as <c>IReadOnlyList&lt;T&gt;</c>. No child type is known here: results are JSON.
/// </summary>
internal static class ChildResults
{
    /// <summary>Reads the ids the generated invoker encoded (see <see cref="ChildRunHandles"/>).</summary>
    /// <exception cref="PermanentFailureException">A returned run was not started through the step's <c>ctx.Workflows</c>, or its key found a run that is not a child of this run.</exception>
    public static AttemptResult FromHandles(StepDescriptor step, string handles, ChildWorkflowClient children, TimeSpan duration)
    {
        var ids = JsonSerializer.Deserialize(handles, RuntimeJson.Default.GuidArray) ?? [];
        foreach (var id in ids)
        {
            if (children.FoundElsewhere(id))
            {
                throw new PermanentFailureException(
                    $"step '{step.Name}' returned run {id:D}, which its idempotency key found already started and which is not a child of this run (started elsewhere, or by another parent); only a child of this run can be awaited, because nothing would wake it otherwise");
            }

            if (!children.Started(id))
            {
                throw new PermanentFailureException(
                    $"step '{step.Name}' returned run {id:D}, which it did not start through ctx.Workflows; only a child of this run can be awaited, because the child's completion is what wakes its parent");
            }
        }

        // No children to wait for: the next step takes the empty list at once.
        return ids.Length == 0 ? AttemptResult.Success("[]", duration) : AttemptResult.Waiting(ids, duration);
    }

    /// <summary>
    /// The outcome of the woken step: its children's results; a <see cref="ChildWorkflowFailedException"/> for the
    /// first child (in start order) that failed or was cancelled; or another wait, when a child was replayed after
    /// it woke the run and has not ended again.
    /// </summary>
    public static async Task<AttemptResult> ResolveAsync(IRunStore store, StepDescriptor step, IReadOnlyList<Guid> awaited, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var byId = (await store.GetRunsAsync(awaited, CancellationToken.None).ConfigureAwait(false)).ToDictionary(r => r.Id);
        var runs = new List<RunInfo>(awaited.Count);
        foreach (var id in awaited)
        {
            if (!byId.TryGetValue(id, out var run))
            {
                return AttemptResult.Failure(
                    new PermanentFailureException($"child run {id:D} that step '{step.Name}' waited for no longer exists"), timedOut: false, time.GetElapsedTime(started));
            }

            runs.Add(run);
        }

        if (runs.Any(r => !r.IsFinished))
        {
            return AttemptResult.Waiting(awaited, time.GetElapsedTime(started));
        }

        if (runs.FirstOrDefault(r => r.Status != RunStatus.Succeeded) is { } failed)
        {
            return AttemptResult.Failure(
                new ChildWorkflowFailedException(failed.Id, failed.Workflow, failed.Status, failed.Error), timedOut: false, time.GetElapsedTime(started));
        }

        var output = step.Awaits == ChildAwait.One ? ResultOf(runs[0]) : ArrayOf(runs);
        return AttemptResult.Success(output, time.GetElapsedTime(started));
    }

    private static string ResultOf(RunInfo run) => run.Result ?? "null";

    private static string ArrayOf(List<RunInfo> runs)
    {
        var json = new StringBuilder();
        json.Append('[');
        for (var i = 0; i < runs.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(ResultOf(runs[i]));
        }

        return json.Append(']').ToString();
    }
}
