namespace Inquir.Typed;

/// <summary>One run of a bulk start (<see cref="IWorkflowClient.StartManyAsync"/>): its input and, if it has one, its idempotency key.</summary>
/// <param name="InputJson">The input, already encoded as JSON.</param>
/// <param name="IdempotencyKey">Makes this run's start happen once; <see langword="null"/> for none.</param>
public readonly record struct RunStart(string InputJson, string? IdempotencyKey = null)
{
    /// <summary>
    /// This run's priority (see <see cref="StartOptions.Priority"/>); <see langword="null"/> takes the priority of the
    /// call's options. A value out of range fails the whole call, and nothing is started.
    /// </summary>
    public int? Priority { get; init; }
}
