using Inquir.Typed.Policies;

namespace Inquir.Typed;

/// <summary>
/// What a start with an idempotency key does when a run of the same workflow already holds the key: return that run,
/// make a new one, or fold into it. Set per start (<see cref="StartOptions.Policy"/>) or per workflow
/// (<see cref="StartPolicyAttribute"/>); a start without a key makes a new run whatever its policy. Keys of the
/// default, <see cref="ForeverUnique"/>, and keys of every other policy are apart: a start under one never finds a
/// run started under the other. Among the other policies the key is shared, and the policy of the start that asks
/// decides whether the run holding the key still holds it. Times are the database's clock.
/// </summary>
/// <example>
/// <code>
/// // Reindex a customer once the edits stop for 30 seconds, with the last edit's input.
/// await client.StartReindexCustomerAsync(edit, new StartOptions { IdempotencyKey = edit.CustomerId, Policy = StartPolicy.Debounce(TimeSpan.FromSeconds(30)) });
/// </code>
/// </example>
public sealed record StartPolicy
{
    private StartPolicy(StartPolicyKind kind, TimeSpan? period)
    {
        Kind = kind;
        Period = period;
    }

    /// <summary>The key is held for ever: a later start with it returns the run the first made. The default.</summary>
    public static StartPolicy ForeverUnique { get; } = new(StartPolicyKind.ForeverUnique, null);

    /// <summary>
    /// A start returns the run that holds the key while that run is pending, running or waiting, and makes a new run
    /// once it has succeeded, failed or been cancelled. A replayed run does not take its key back.
    /// </summary>
    public static StartPolicy UniqueWhileActive { get; } = new(StartPolicyKind.UniqueWhileActive, null);

    /// <summary>The kind of policy.</summary>
    public StartPolicyKind Kind { get; }

    /// <summary>The period of <see cref="StartPolicyKind.UniqueFor"/>, <see cref="StartPolicyKind.Debounce"/> and <see cref="StartPolicyKind.Throttle"/>; <see langword="null"/> for the others.</summary>
    public TimeSpan? Period { get; }

    /// <summary>
    /// A start within <paramref name="period"/> after the start that made the run holding the key returns that run,
    /// whatever its status; the first start after the period makes a new run, whose own period begins then.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not between 1 ms and 365 days.</exception>
    public static StartPolicy UniqueFor(TimeSpan period) => new(StartPolicyKind.UniqueFor, Checked(period, nameof(period)));

    /// <summary>
    /// Starts with the key fold into one run while it is pending and has never been claimed: each takes the latest
    /// start's input and makes the run due <paramref name="quietPeriod"/> after that start, so the run starts once the
    /// starts have been quiet that long. The first start after the run was claimed (or ended) makes a new run. A
    /// debounced start names no <see cref="StartOptions.RunAt"/> or <see cref="StartOptions.Delay"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quietPeriod"/> is not between 1 ms and 365 days.</exception>
    public static StartPolicy Debounce(TimeSpan quietPeriod) => new(StartPolicyKind.Debounce, Checked(quietPeriod, nameof(quietPeriod)));

    /// <summary>
    /// At most one run per key in each slot of <paramref name="period"/>, the slots counted from the Unix epoch (UTC):
    /// with one hour, every whole hour. The first start in a slot makes the run (the leading edge); later starts in
    /// the same slot return it, whatever its status; the first start in a later slot makes a new run. Two runs may be
    /// closer than the period when they fall either side of a slot's end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not between 1 ms and 365 days.</exception>
    public static StartPolicy Throttle(TimeSpan period) => new(StartPolicyKind.Throttle, Checked(period, nameof(period)));

    /// <summary>The policy as the docs write it: <c>unique for 1.00:00:00</c>, <c>debounce 00:00:30</c>.</summary>
    public override string ToString() => Kind switch
    {
        StartPolicyKind.UniqueWhileActive => "unique while active",
        StartPolicyKind.UniqueFor => $"unique for {Period}",
        StartPolicyKind.Debounce => $"debounce {Period}",
        StartPolicyKind.Throttle => $"throttle {Period}",
        _ => "forever unique",
    };

    /// <summary>The policy a <see cref="StartPolicyAttribute"/> names; an <see cref="InvalidOperationException"/> naming the workflow when it cannot be used.</summary>
    internal static StartPolicy FromAttribute(StartPolicyAttribute attribute, string workflowName)
    {
        if (StartPolicyText.Problem((int)attribute.Kind, attribute.Period, out var period) is { } problem)
        {
            throw new InvalidOperationException($"The [StartPolicy] of workflow '{workflowName}' ({attribute.Kind}) {problem} (analyzer INQ1070 reports this at build time).");
        }

        return attribute.Kind switch
        {
            StartPolicyKind.UniqueWhileActive => UniqueWhileActive,
            StartPolicyKind.UniqueFor => UniqueFor(period),
            StartPolicyKind.Debounce => Debounce(period),
            StartPolicyKind.Throttle => Throttle(period),
            _ => ForeverUnique,
        };
    }

    // The stores count whole milliseconds; a year is the longest duration written anywhere else (DurationText).
    private static TimeSpan Checked(TimeSpan period, string parameterName) =>
        period >= TimeSpan.FromMilliseconds(1) && period <= DurationText.Longest
            ? period
            : throw new ArgumentOutOfRangeException(parameterName, period, "A start policy's period must be between 1 ms and 365 days.");
}
