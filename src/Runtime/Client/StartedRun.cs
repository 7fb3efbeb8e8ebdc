namespace Inquir.Typed;

/// <summary>What a start returned: the run's id, and whether this start made it or changed it.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Created"><see langword="false"/> when a run held the idempotency key and this start returned it (or folded into it, see <see cref="Updated"/>).</param>
public readonly record struct StartedRun(Guid Id, bool Created)
{
    /// <summary>
    /// <see langword="true"/> when this start made no run but folded into the pending run that holds its key
    /// (<see cref="StartPolicy.Debounce"/>): that run now has this start's input and due time. Always
    /// <see langword="false"/> when <see cref="Created"/> is <see langword="true"/>.
    /// </summary>
    public bool Updated { get; init; }
}
