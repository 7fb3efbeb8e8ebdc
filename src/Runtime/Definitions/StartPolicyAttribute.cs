namespace Inquir.Typed;

/// <summary>
/// The <see cref="StartPolicy"/> of the workflow's starts that carry an idempotency key and name no policy of their
/// own (<see cref="StartOptions.Policy"/>). The period is written as <see cref="StepAttribute.Delay"/> is:
/// <c>"30s"</c>, <c>"5m"</c>, <c>"1h"</c>; a period that cannot be read is a build error (INQ1070).
/// </summary>
/// <example>
/// <code>
/// [Workflow("reindex-customer")]
/// [StartPolicy(StartPolicyKind.Debounce, "30s")]   // edits within 30 s fold into one run with the latest input
/// public sealed partial class ReindexCustomer { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class StartPolicyAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="kind">The kind of policy.</param>
    /// <param name="period">The period of <see cref="StartPolicyKind.UniqueFor"/>, <see cref="StartPolicyKind.Debounce"/> and <see cref="StartPolicyKind.Throttle"/>, such as <c>"30s"</c>; none for the others.</param>
    public StartPolicyAttribute(StartPolicyKind kind, string? period = null)
    {
        Kind = kind;
        Period = period;
    }

    /// <summary>The kind of policy.</summary>
    public StartPolicyKind Kind { get; }

    /// <summary>The period as written, such as <c>"30s"</c>; <see langword="null"/> for the kinds that take none.</summary>
    public string? Period { get; }
}
