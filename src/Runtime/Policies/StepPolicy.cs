using Inquir.Typed.Policies;

namespace Inquir.Typed;

/// <summary>How a step is retried: how many times, how long to wait between attempts, and how long one attempt may run.</summary>
public sealed record StepPolicy
{
    private readonly int? _maxSnoozes;

    /// <summary>Retries a step gets when its attribute names none.</summary>
    public const int DefaultRetries = StepPolicyDefaults.Retries;

    /// <summary>The most retries a step may have; more is almost always a mistake.</summary>
    public const int MaxRetries = StepPolicyDefaults.MaxRetries;

    /// <summary>Snoozes a step may make when neither its attribute nor <see cref="WorkerOptions.MaxSnoozes"/> says otherwise.</summary>
    public const int DefaultMaxSnoozes = StepPolicyDefaults.MaxSnoozes;

    /// <summary>The base delay when the attribute names none.</summary>
    public static readonly TimeSpan DefaultDelay = StepPolicyDefaults.Delay;

    /// <summary>The longest delay when the attribute names none.</summary>
    public static readonly TimeSpan DefaultMaxDelay = StepPolicyDefaults.MaxDelay;

    /// <summary>The policy of a step whose attribute sets nothing.</summary>
    public static readonly StepPolicy Default = new(DefaultRetries, BackoffKind.Exponential, DefaultDelay, DefaultMaxDelay, null);

    /// <summary>Creates a policy, checking every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, too large, or the delay exceeds the maximum delay.</exception>
    public StepPolicy(int retries, BackoffKind backoff, TimeSpan delay, TimeSpan maxDelay, TimeSpan? timeout)
    {
        if (retries < 0 || retries > MaxRetries)
        {
            throw new ArgumentOutOfRangeException(nameof(retries), retries, $"Retries must be between 0 and {MaxRetries}.");
        }

        if (!Enum.IsDefined(backoff))
        {
            throw new ArgumentOutOfRangeException(nameof(backoff), backoff, "Unknown backoff.");
        }

        if (delay < TimeSpan.Zero || delay > DurationText.Longest)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "Delay must be between zero and 365 days.");
        }

        if (maxDelay < delay || maxDelay > DurationText.Longest)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, $"MaxDelay must be at least Delay ({delay}) and at most 365 days.");
        }

        if (timeout is { } t && (t <= TimeSpan.Zero || t > DurationText.Longest))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Timeout must be positive and at most 365 days.");
        }

        Retries = retries;
        Backoff = backoff;
        Delay = delay;
        MaxDelay = maxDelay;
        Timeout = timeout;
    }

    /// <summary>Retries after the first attempt; the step gets <c>Retries + 1</c> attempts in all.</summary>
    public int Retries { get; init; }

    /// <summary>How the delay grows between retries.</summary>
    public BackoffKind Backoff { get; init; }

    /// <summary>The base delay.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The cap on any one delay, before jitter.</summary>
    public TimeSpan MaxDelay { get; init; }

    /// <summary>How long one attempt may run before its token fires; <see langword="null"/> for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// How many times the step may snooze before one more snooze fails it; <see langword="null"/> for the worker's
    /// <see cref="WorkerOptions.MaxSnoozes"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="MaxSnoozesLimit"/>.</exception>
    public int? MaxSnoozes
    {
        get => _maxSnoozes;
        init => _maxSnoozes = value is < 0 or > MaxSnoozesLimit
            ? throw new ArgumentOutOfRangeException(nameof(MaxSnoozes), value, $"MaxSnoozes must be between 0 and {MaxSnoozesLimit}.")
            : value;
    }

    /// <summary>The most snoozes a step may be allowed; more is almost always a mistake.</summary>
    public const int MaxSnoozesLimit = StepPolicyDefaults.MaxSnoozesLimit;

    /// <summary>Attempts the step gets in all.</summary>
    public int MaxAttempts => Retries + 1;
}
