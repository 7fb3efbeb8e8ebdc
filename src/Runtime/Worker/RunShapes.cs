using System.Collections.Concurrent;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// The steps claimed runs were started with, when they are not this worker's own (a run started by another
/// deployment): read from the store once per workflow and shape, and kept, since a shape never changes.
/// </summary>
internal sealed class RunShapes(IRunStore store)
{
    private readonly ConcurrentDictionary<(string Workflow, long Shape), IReadOnlyList<string>> _read = new();

    /// <summary>
    /// The run's steps; <see langword="null"/> when the run follows this worker's own steps: its shape is theirs (the
    /// common case, which reads nothing), or it has none (started before shapes were recorded).
    /// </summary>
    /// <exception cref="InvalidOperationException">The run's shape is not recorded: the run is left to its lease's expiry.</exception>
    public async ValueTask<IReadOnlyList<string>?> StepsOfAsync(ClaimedRun run, WorkflowDescriptor own, CancellationToken cancellationToken)
    {
        if (run.Shape is not { } shape || shape == own.Shape.Fingerprint)
        {
            return null;
        }

        if (_read.TryGetValue((run.Workflow, shape), out var known))
        {
            return known;
        }

        var steps = await store.GetShapeAsync(new GetRunShapeRequest(run.Workflow, shape), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run {run.Id} of workflow '{run.Workflow}' was started with steps whose record (shape {shape}) is missing from run_shapes.");
        return _read.GetOrAdd((run.Workflow, shape), steps);
    }
}
