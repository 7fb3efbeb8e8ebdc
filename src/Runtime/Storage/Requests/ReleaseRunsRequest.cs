namespace Inquir.Typed.Storage;

/// <summary>The runs a stopping <paramref name="Worker"/> hands back (<c>ReleaseRuns.sql</c>).</summary>
internal sealed record ReleaseRunsRequest(IReadOnlyCollection<ReleasedRun> Runs, string Worker, DateTimeOffset? Now);
