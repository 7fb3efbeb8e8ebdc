namespace Inquir.Typed.Storage;

/// <summary>Deletes the settled notifications older than <paramref name="Retention"/> (<c>Notifications/DeleteOldNotifications.sql</c>).</summary>
internal sealed record DeleteOldNotificationsRequest(TimeSpan Retention, DateTimeOffset? Now);
