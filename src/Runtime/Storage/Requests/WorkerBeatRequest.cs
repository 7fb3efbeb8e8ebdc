namespace Inquir.Typed.Storage;

/// <summary>A worker's heartbeat (<c>Workers/Beat.sql</c>): it is alive at <paramref name="Now"/>.</summary>
/// <param name="WorkerId">The worker's name, as it writes it as lease owner.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Now">The database clock's time; null for the database's own.</param>
internal sealed record WorkerBeatRequest(string WorkerId, string Host, DateTimeOffset? Now);
