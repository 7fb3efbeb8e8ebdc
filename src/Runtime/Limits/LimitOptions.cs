namespace Inquir.Typed;

/// <summary>
/// Limits by name, shared by every step that names them (<c>[Step(Limit = "stripe")]</c>), from code or
/// <c>Inquir:Limits:{name}</c>. A name that is also a <see cref="LimitAttribute"/>'s (the workflow's name, or
/// <c>{workflow}.{step}</c>) overrides that attribute's values.
/// </summary>
public sealed class LimitOptions : Dictionary<string, LimitSettings>
{
    /// <summary>Creates an empty set; names are compared ordinally.</summary>
    public LimitOptions()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Defines (or redefines) the limit <paramref name="name"/>.</summary>
    /// <param name="name">The limit's name, as steps name it.</param>
    /// <param name="concurrency">How many runs may hold it at once across every worker; 0 for no concurrency limit.</param>
    /// <param name="rate">How many starts per period, such as <c>"100/1s"</c>; <see langword="null"/> for none.</param>
    /// <param name="perKey">Whether each run's limit key gets a limit of its own.</param>
    /// <returns>This set, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public LimitOptions Add(string name, int concurrency = 0, string? rate = null, bool perKey = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        this[name] = new LimitSettings { Concurrency = concurrency, Rate = rate, PerKey = perKey };
        return this;
    }
}
