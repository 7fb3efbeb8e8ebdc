namespace Inquir.Typed.Storage;

/// <summary>The runs to replay from the step that stopped them (<c>ReplayRuns.sql</c>).</summary>
internal sealed record ReplayRunsRequest(IReadOnlyCollection<Guid> RunIds, DateTimeOffset? Now);
