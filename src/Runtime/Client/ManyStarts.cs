namespace Inquir.Typed;

/// <summary>What every bulk start checks and shares: the options of the call apply to each run, the key does not.</summary>
internal static class ManyStarts
{
    public static void ThrowIfSharedKey(StartOptions? options)
    {
        if (options?.IdempotencyKey is not null)
        {
            throw new ArgumentException("A bulk start takes each run's idempotency key in its RunStart; the options' IdempotencyKey must be null.", nameof(options));
        }
    }

    /// <summary>The call's options with one run's key.</summary>
    public static StartOptions WithKey(StartOptions? options, string? idempotencyKey) => new()
    {
        IdempotencyKey = idempotencyKey,
        RunAt = options?.RunAt,
        Delay = options?.Delay,
        Deadline = options?.Deadline,
        Transaction = options?.Transaction,
        ParentRunId = options?.ParentRunId,
        LimitKey = options?.LimitKey,
        Policy = options?.Policy,
        Priority = options?.Priority ?? 0,
    };
}
