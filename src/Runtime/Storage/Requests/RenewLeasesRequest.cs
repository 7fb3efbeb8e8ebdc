namespace Inquir.Typed.Storage;

/// <summary>The leases to extend by <paramref name="LeaseDuration"/> (<c>RenewLeases.sql</c>), each matched by its token.</summary>
internal sealed record RenewLeasesRequest(IReadOnlyCollection<HeldRun> Runs, TimeSpan LeaseDuration, DateTimeOffset? Now);
