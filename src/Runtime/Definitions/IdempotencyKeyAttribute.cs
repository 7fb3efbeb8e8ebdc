namespace Inquir.Typed;

/// <summary>
/// Marks the property of a workflow input that supplies the run's idempotency key when the caller gives none:
/// two starts whose inputs carry the same key make one run.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class IdempotencyKeyAttribute : Attribute;
