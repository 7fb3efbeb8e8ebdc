using System.Collections.Concurrent;

namespace Inquir.Typed.Storage;

/// <summary>
/// The run shapes a store has recorded in <c>run_shapes</c> from this process, so that it records each shape once
/// per process, before the first start with it, and a start costs no more than before from then on.
/// </summary>
internal sealed class RecordedShapes
{
    private readonly ConcurrentDictionary<(string Workflow, long Fingerprint), bool> _recorded = new();

    /// <summary>The distinct shapes of <paramref name="runs"/> not recorded yet; empty in the common case.</summary>
    public IReadOnlyList<(string Workflow, RunShape Shape)> Missing(IReadOnlyList<NewRun> runs)
    {
        List<(string Workflow, RunShape Shape)>? missing = null;
        foreach (var run in runs)
        {
            if (run.Shape is { } shape
                && !_recorded.ContainsKey((run.Workflow, shape.Fingerprint))
                && (missing is null || !missing.Exists(m => m.Shape.Fingerprint == shape.Fingerprint && m.Workflow == run.Workflow)))
            {
                (missing ??= []).Add((run.Workflow, shape));
            }
        }

        return missing ?? (IReadOnlyList<(string, RunShape)>)[];
    }

    /// <summary>Remembers shapes whose rows are committed.</summary>
    public void Add(IEnumerable<(string Workflow, RunShape Shape)> shapes)
    {
        foreach (var (workflow, shape) in shapes)
        {
            _recorded.TryAdd((workflow, shape.Fingerprint), true);
        }
    }
}
