using System.Collections;

namespace Inquir.Typed.Storage;

/// <summary>
/// The runs a claim took, and whether it passed over due runs without taking them (it held them at a full limit,
/// delayed them for a rate, or made a limit's first counter): runs behind those may be due, so the worker claims
/// again at once rather than at its next poll.
/// </summary>
internal sealed class ClaimedRuns(IReadOnlyList<ClaimedRun> runs, bool PassedOver) : IReadOnlyList<ClaimedRun>
{
    public bool PassedOver { get; } = PassedOver;

    public int Count => runs.Count;

    public ClaimedRun this[int index] => runs[index];

    public IEnumerator<ClaimedRun> GetEnumerator() => runs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
