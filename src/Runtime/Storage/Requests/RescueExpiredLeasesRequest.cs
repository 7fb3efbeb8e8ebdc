namespace Inquir.Typed.Storage;

/// <summary>A pass of the rescuer (<c>RescueExpiredLeases.sql</c>): up to <paramref name="Limit"/> runs whose lease expired before <paramref name="Now"/>.</summary>
internal sealed record RescueExpiredLeasesRequest(DateTimeOffset? Now, int Limit);
