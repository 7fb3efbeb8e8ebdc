namespace Inquir.Typed;

/// <summary>What a start returned: the run's id, and whether this start made it.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Created"><see langword="false"/> when the idempotency key had been used and the existing run was returned.</param>
public readonly record struct StartedRun(Guid Id, bool Created);
