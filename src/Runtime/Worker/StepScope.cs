using System.Collections;

namespace Inquir.Typed.Worker;

/// <summary>The logging scope of one attempt: structured properties that every log line of the step carries.</summary>
internal sealed record StepScope(Guid RunId, string Workflow, string Step, int Attempt) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("RunId", RunId),
        1 => new("Workflow", Workflow),
        2 => new("Step", Step),
        3 => new("Attempt", Attempt),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"run {RunId} {Workflow}/{Step} attempt {Attempt}";
}
