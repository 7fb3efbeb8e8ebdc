namespace Inquir.Typed.Storage;

/// <summary>How both stores write a start policy in <c>start_keys</c>: its kind as text, its period in whole milliseconds.</summary>
internal static class StartPolicyCode
{
    public static string Of(StartPolicy policy) => policy.Kind switch
    {
        StartPolicyKind.UniqueWhileActive => "unique_while_active",
        StartPolicyKind.UniqueFor => "unique_for",
        StartPolicyKind.Debounce => "debounce",
        StartPolicyKind.Throttle => "throttle",
        _ => throw new ArgumentException($"The policy '{policy}' is the forever-unique key, which runs.idempotency_key holds; a start under it carries no policy.", nameof(policy)),
    };

    public static long? PeriodMilliseconds(StartPolicy policy) => policy.Period is { } period ? (long)period.TotalMilliseconds : null;
}
