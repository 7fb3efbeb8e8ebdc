namespace Inquir.Typed.Storage;

/// <summary>A pass of retention (<c>DeleteFinishedRuns.sql</c>): up to <paramref name="Limit"/> parentless runs of <paramref name="Statuses"/> that finished more than <paramref name="Age"/> before <paramref name="Now"/> (the database's clock when null).</summary>
internal sealed record DeleteFinishedRunsRequest(IReadOnlyCollection<RunStatus> Statuses, TimeSpan Age, int Limit, DateTimeOffset? Now);
