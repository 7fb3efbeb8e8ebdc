namespace Inquir.Typed;

/// <summary>
/// Limits a workflow (on the class) or one step (on a step method) across every worker on every machine: at most
/// <see cref="Concurrency"/> runs at once, at most <see cref="Rate"/> starts per period, optionally per key. A run
/// that cannot take a slot waits, holding no worker slot and no lease, until one frees. The limit is named after
/// the workflow (<c>sync-tenant</c>) or the step (<c>sync-tenant.Charge</c>), and configuration can override it
/// (<c>Inquir:Limits:{name}:Concurrency</c>, <c>:Rate</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class LimitAttribute : Attribute
{
    /// <summary>How many runs may run at once (at the step, or anywhere in the workflow); 0 for no concurrency limit.</summary>
    public int Concurrency { get; set; }

    /// <summary>How many starts per period, such as <c>"100/1s"</c> or <c>"5/1m"</c>; <see langword="null"/> for no rate limit.</summary>
    public string? Rate { get; set; }

    /// <summary>
    /// The member of the workflow input whose value is the key (<c>nameof(SyncRequest.TenantId)</c>): each key gets a
    /// limit of its own. <see cref="StartOptions.LimitKey"/> takes its place when a start gives one.
    /// </summary>
    public string? Key { get; set; }
}
