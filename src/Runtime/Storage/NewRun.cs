namespace Inquir.Typed.Storage;

/// <summary>
/// A run to insert, due at <paramref name="RunAt"/> or else <paramref name="Delay"/> after now on the database's clock;
/// its first step's name is stored so that even an attempt of the first step is recorded by name.
/// </summary>
internal sealed record NewRun(
    Guid Id, string Workflow, string InputJson, string? IdempotencyKey, Guid? ParentRunId, DateTimeOffset? Now, DateTimeOffset? RunAt, TimeSpan Delay, string? FirstStepName = null);
