namespace Inquir.Typed.Storage;

/// <summary>A pass of the notices' retention (<c>Alerts/DeleteOldNotices.sql</c>): those written more than <paramref name="Retention"/> before <paramref name="Now"/>.</summary>
internal sealed record DeleteOldNoticesRequest(TimeSpan Retention, DateTimeOffset? Now);
