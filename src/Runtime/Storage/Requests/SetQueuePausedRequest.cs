namespace Inquir.Typed.Storage;

/// <summary>A queue to pause or resume for every worker (<c>Queues/PauseQueue.sql</c>, <c>Queues/ResumeQueue.sql</c>).</summary>
internal sealed record SetQueuePausedRequest(string Name, bool Paused, DateTimeOffset? Now);
