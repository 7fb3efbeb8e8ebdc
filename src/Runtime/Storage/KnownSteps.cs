namespace Inquir.Typed.Storage;

/// <summary>
/// The (workflow, step index, step name) triples a deployment can run, as the parallel arrays the claim binds:
/// a run at any other step is left for a worker that knows it.
/// </summary>
internal sealed class KnownSteps
{
    public KnownSteps(IEnumerable<(string Workflow, IReadOnlyList<string> Steps)> workflows)
    {
        var triples = workflows.SelectMany(w => w.Steps.Select((step, index) => (w.Workflow, index, step))).ToList();
        Workflows = triples.Select(t => t.Workflow).ToArray();
        StepIndexes = triples.Select(t => t.index).ToArray();
        StepNames = triples.Select(t => t.step).ToArray();
    }

    public string[] Workflows { get; }

    public int[] StepIndexes { get; }

    public string[] StepNames { get; }
}
