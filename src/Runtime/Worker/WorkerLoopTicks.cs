namespace Inquir.Typed.Worker;

/// <summary>When a worker's loops last turned: what the worker health check judges it alive by.</summary>
/// <param name="StartedAt">When the worker started its loops; null while it waits for the schema.</param>
/// <param name="ClaimLoopAt">The claim loop's latest turn.</param>
/// <param name="RenewalLoopAt">The lease renewal loop's latest turn; null before its first.</param>
/// <param name="Stopped">The worker has stopped.</param>
internal sealed record WorkerLoopTicks(DateTimeOffset? StartedAt, DateTimeOffset? ClaimLoopAt, DateTimeOffset? RenewalLoopAt, bool Stopped);
