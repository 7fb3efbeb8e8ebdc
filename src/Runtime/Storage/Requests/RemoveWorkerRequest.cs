namespace Inquir.Typed.Storage;

/// <summary>A worker that stopped gracefully, to forget (<c>Workers/Remove.sql</c>).</summary>
internal sealed record RemoveWorkerRequest(string WorkerId);
