namespace Inquir.Typed.Storage;

/// <summary>A run failed because its deadline passed, with its workflow (for the finished-runs metric).</summary>
internal sealed record PastDeadlineRun(Guid RunId, string Workflow);
