namespace Inquir.Typed.Storage;

/// <summary>A finished run to start again as the new run <paramref name="NewRunId"/> (<c>RestartRun.sql</c>).</summary>
internal sealed record RestartRunRequest(Guid RunId, Guid NewRunId, DateTimeOffset? Now);
