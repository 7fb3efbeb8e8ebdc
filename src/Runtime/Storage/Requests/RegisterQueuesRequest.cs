namespace Inquir.Typed.Storage;

/// <summary>The queues a worker serves or its workflows start runs in, to store unpaused (<c>Queues/RegisterQueues.sql</c>).</summary>
internal sealed record RegisterQueuesRequest(IReadOnlyCollection<string> Names, DateTimeOffset? Now);
