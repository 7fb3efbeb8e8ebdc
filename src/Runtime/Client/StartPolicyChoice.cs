namespace Inquir.Typed;

/// <summary>Which start policy a start runs under, and the options it cannot be combined with.</summary>
internal static class StartPolicyChoice
{
    /// <summary>
    /// The policy of a start with <paramref name="key"/>: the options', else the workflow's, else forever unique, which
    /// is <see langword="null"/> (the stores' key of old). A start without a key has none.
    /// </summary>
    /// <returns>The policy, or a problem to report as an <see cref="ArgumentException"/>.</returns>
    public static (StartPolicy? Policy, string? Problem) For(WorkflowDescriptor descriptor, StartOptions options, string? key)
    {
        if (key is null)
        {
            return options.Policy is { } orphan
                ? (null, $"The start policy '{orphan}' needs an idempotency key: give StartOptions.IdempotencyKey or mark a member of the input [IdempotencyKey].")
                : (null, null);
        }

        var policy = options.Policy ?? descriptor.DefaultStartPolicy;
        if (policy?.Kind == StartPolicyKind.Debounce && (options.RunAt is not null || options.Delay is not null))
        {
            return (null, $"A debounced start ('{policy}') is due its quiet period after the last start with its key; give neither RunAt nor Delay.");
        }

        return (policy?.Kind == StartPolicyKind.ForeverUnique ? null : policy, null);
    }

    /// <summary>How long after now the run is due: a debounced run its quiet period, any other the options' delay.</summary>
    public static TimeSpan Delay(StartPolicy? policy, StartOptions options) =>
        policy?.Kind == StartPolicyKind.Debounce ? policy.Period!.Value : options.Delay ?? TimeSpan.Zero;
}
