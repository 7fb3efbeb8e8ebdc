namespace Inquir.Typed.Storage;

/// <summary>
/// A run to insert, due at <paramref name="RunAt"/> or else <paramref name="Delay"/> after now on the database's clock;
/// its first step's name is stored so that even an attempt of the first step is recorded by name.
/// </summary>
internal sealed record NewRun(
    Guid Id, string Workflow, string InputJson, string? IdempotencyKey, Guid? ParentRunId, DateTimeOffset? Now, DateTimeOffset? RunAt, TimeSpan Delay, string? FirstStepName = null)
{
    /// <summary>The W3C trace context of the code that started the run, stored so that its steps' spans continue that trace.</summary>
    public RunTraceContext Trace { get; init; }
}
