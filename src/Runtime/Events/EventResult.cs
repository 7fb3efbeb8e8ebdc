namespace Inquir.Typed;

/// <summary>
/// What a step after an <see cref="EventWait{T}"/> takes when it should go on after a timeout: the event, or that
/// none came in time. A step that takes <typeparamref name="T"/> itself fails with an <see cref="EventTimeoutException"/> instead.
/// </summary>
/// <typeparam name="T">The event's payload.</typeparam>
public sealed record EventResult<T>
{
    /// <summary>Whether the wait ended without an event.</summary>
    public required bool TimedOut { get; init; }

    /// <summary>The event's payload; default when <see cref="TimedOut"/>.</summary>
    public T? Value { get; init; }

    /// <summary>The sender's id of the event; <see langword="null"/> when <see cref="TimedOut"/>.</summary>
    public string? EventId { get; init; }
}
