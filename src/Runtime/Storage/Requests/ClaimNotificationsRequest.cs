namespace Inquir.Typed.Storage;

/// <summary>A claim of up to <paramref name="Limit"/> due notifications to <paramref name="Webhooks"/> (<c>Notifications/ClaimNotifications.sql</c>), leased for <paramref name="Lease"/>.</summary>
internal sealed record ClaimNotificationsRequest(Guid Owner, TimeSpan Lease, IReadOnlyList<string> Webhooks, int Limit, DateTimeOffset? Now);
