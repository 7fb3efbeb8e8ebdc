using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>
/// A limit a workflow declares: its own <see cref="LimitAttribute"/> (on the class or a step), or a shared limit a
/// step names (<c>[Step(Limit = "stripe")]</c>), which has no values here. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public class LimitUse
{
    /// <summary>Creates the use.</summary>
    /// <param name="name">The limit's name: the workflow's (class), <c>{workflow}.{step}</c> (step), or the shared limit's.</param>
    /// <param name="step">The step it applies to; <see langword="null"/> for every step of the workflow.</param>
    /// <param name="concurrency">The attribute's <see cref="LimitAttribute.Concurrency"/>; 0 for none.</param>
    /// <param name="rate">The attribute's <see cref="LimitAttribute.Rate"/>; <see langword="null"/> for none.</param>
    /// <param name="shared">Whether the step names a shared limit defined elsewhere.</param>
    /// <param name="keyed">Whether the attribute names a key member.</param>
    public LimitUse(string name, string? step, int concurrency, string? rate, bool shared, bool keyed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Step = step;
        Concurrency = concurrency;
        Rate = rate;
        Shared = shared;
        Keyed = keyed;
    }

    /// <summary>The limit's name.</summary>
    public string Name { get; }

    /// <summary>The step it applies to; <see langword="null"/> for every step.</summary>
    public string? Step { get; }

    /// <summary>How many runs at once; 0 for no concurrency limit.</summary>
    public int Concurrency { get; }

    /// <summary>Starts per period, such as <c>"100/1s"</c>; <see langword="null"/> for none.</summary>
    public string? Rate { get; }

    /// <summary>Whether this names a shared limit defined in code or configuration.</summary>
    public bool Shared { get; }

    /// <summary>Whether the attribute names a key member of the input.</summary>
    public bool Keyed { get; }
}

/// <summary>A <see cref="LimitUse"/> whose key is read from the workflow input by a generated accessor. For generated code.</summary>
/// <typeparam name="TInput">The workflow input.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LimitUse<TInput> : LimitUse
{
    /// <summary>Creates the use.</summary>
    /// <param name="name">The limit's name.</param>
    /// <param name="step">The step it applies to; <see langword="null"/> for every step.</param>
    /// <param name="concurrency">How many runs at once; 0 for none.</param>
    /// <param name="rate">Starts per period; <see langword="null"/> for none.</param>
    /// <param name="shared">Whether the step names a shared limit defined elsewhere.</param>
    /// <param name="keyFromInput">Reads the key member the attribute names; <see langword="null"/> when it names none.</param>
    public LimitUse(string name, string? step, int concurrency, string? rate, bool shared = false, Func<TInput, string?>? keyFromInput = null)
        : base(name, step, concurrency, rate, shared, keyFromInput is not null)
    {
        KeyFromInput = keyFromInput;
    }

    /// <summary>Reads the key from the input; <see langword="null"/> when the limit is not keyed by a member.</summary>
    public Func<TInput, string?>? KeyFromInput { get; }
}
