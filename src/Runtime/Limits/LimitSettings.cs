namespace Inquir.Typed;

/// <summary>A limit as code or configuration defines it (<c>Inquir:Limits:{name}:Concurrency</c>, <c>:Rate</c>, <c>:PerKey</c>).</summary>
public sealed class LimitSettings
{
    /// <summary>How many runs may hold the limit at once across every worker; <see langword="null"/> or 0 for no concurrency limit.</summary>
    public int? Concurrency { get; set; }

    /// <summary>How many starts per period, such as <c>"100/1s"</c>; <see langword="null"/> for no rate limit.</summary>
    public string? Rate { get; set; }

    /// <summary>
    /// Whether each run's <see cref="StartOptions.LimitKey"/> (or the input member a <see cref="LimitAttribute.Key"/>
    /// names) gets a limit of its own; otherwise every run shares one. <see langword="null"/> keeps what the code says.
    /// </summary>
    public bool? PerKey { get; set; }
}
