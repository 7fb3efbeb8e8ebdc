namespace Inquir.Typed;

/// <summary>
/// Marks a method of a <see cref="WorkflowAttribute"/> class as a step. The values here are defaults that
/// configuration can override without a rebuild (<c>Inquir:Workflows:{workflow}:Steps:{step}:Retries</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class StepAttribute : Attribute
{
    /// <summary>How many times the step is retried after its first attempt fails (not the number of attempts). Default 3.</summary>
    public int Retries { get; set; } = StepPolicy.DefaultRetries;

    /// <summary>How the delay grows between retries: <c>"exp"</c> (default), <c>"linear"</c>, <c>"fixed"</c> or <c>"none"</c>.</summary>
    public string Backoff { get; set; } = "exp";

    /// <summary>The base delay before the first retry, such as <c>"250ms"</c> or <c>"2s"</c>. Default <c>"1s"</c>.</summary>
    public string? Delay { get; set; }

    /// <summary>The longest delay between two attempts, such as <c>"1m"</c>. Default <c>"5m"</c>.</summary>
    public string? MaxDelay { get; set; }

    /// <summary>How long one attempt may run before its cancellation token fires, such as <c>"30s"</c>. Default: no limit.</summary>
    public string? Timeout { get; set; }

    /// <summary>
    /// Durable sleep before this step: it is due that long after the previous step's checkpoint commits, such as
    /// <c>"1h"</c> or <c>"1d"</c>, on the database's clock; the run waits in the database, holding no worker. Not on the
    /// first step (start the run with <see cref="StartOptions.Delay"/> instead). Default: none.
    /// </summary>
    public string? After { get; set; }

    /// <summary>
    /// How many times the step may snooze (return <see cref="StepContext.Snooze(TimeSpan)"/>) before one more snooze
    /// fails it permanently with <see cref="SnoozeLimitExceededException"/>. Default: <see cref="WorkerOptions.MaxSnoozes"/>.
    /// </summary>
    public int MaxSnoozes { get; set; }

    /// <summary>
    /// Declares that running the step twice has the same effect as running it once, so it needs no idempotency key.
    /// </summary>
    public bool Idempotent { get; set; }

    /// <summary>
    /// The name of a limit shared with other steps and workflows, defined in code (<c>o.Limits.Add("stripe", concurrency: 20)</c>)
    /// or configuration (<c>Inquir:Limits:stripe:Concurrency</c>); the host does not start when no definition names it.
    /// </summary>
    public string? Limit { get; set; }

    /// <summary>Exception types (and their subtypes) that fail the run at once instead of being retried.</summary>
    public Type[]? NonRetryable { get; set; }
}
