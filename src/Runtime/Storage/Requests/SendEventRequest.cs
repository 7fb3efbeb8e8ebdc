namespace Inquir.Typed.Storage;

/// <summary>
/// An event to store for a run (<c>Events/SendEvent.sql</c>): the run by <paramref name="RunId"/>, or by
/// <paramref name="Workflow"/> and <paramref name="IdempotencyKey"/>; <paramref name="Workflow"/>, when set with a run
/// id, is the workflow the run must be a run of. Times from the database's clock unless <paramref name="Now"/> is given.
/// </summary>
internal sealed record SendEventRequest(Guid? RunId, string? Workflow, string? IdempotencyKey, string Name, string EventId, string PayloadJson, DateTimeOffset? Now);
