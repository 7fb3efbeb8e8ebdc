namespace Inquir.Typed.Storage;

/// <summary>A run to cancel with its unended descendants (<c>CancelRun.sql</c>), and the reason it records.</summary>
internal sealed record CancelRunRequest(Guid RunId, string Reason, DateTimeOffset? Now);
