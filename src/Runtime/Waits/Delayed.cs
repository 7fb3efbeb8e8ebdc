namespace Inquir.Typed;

/// <summary>
/// A step's output whose next step is due only later: the run sleeps in the database, holding no worker, and the next
/// step takes <see cref="Value"/>. Made by <see cref="StepContext.Delay{T}(T, TimeSpan)"/> and
/// <see cref="StepContext.DelayUntil{T}(T, DateTimeOffset)"/>.
/// </summary>
/// <typeparam name="T">The output the next step takes.</typeparam>
/// <example>
/// <code>
/// [Step]
/// public Delayed&lt;Invoice&gt; Send(Invoice invoice, StepContext ctx) =&gt; ctx.Delay(invoice, TimeSpan.FromDays(14));
///
/// [Step]                                      // runs 14 days after Send's checkpoint
/// public Task Remind(Invoice invoice, CancellationToken ct) =&gt; ...;
/// </code>
/// </example>
public readonly record struct Delayed<T>
{
    internal Delayed(T value, SleepInstruction sleep)
    {
        Value = value;
        Sleep = sleep;
    }

    /// <summary>The output the next step takes.</summary>
    public T Value { get; }

    /// <summary>How long after the checkpoint the next step is due; <see langword="null"/> when it is due at <see cref="Until"/>.</summary>
    public TimeSpan? For => Sleep is { Until: null } sleep ? sleep.For : null;

    /// <summary>When the next step is due; <see langword="null"/> when it is due <see cref="For"/> after the checkpoint.</summary>
    public DateTimeOffset? Until => Sleep?.Until;

    internal SleepInstruction? Sleep { get; }
}
