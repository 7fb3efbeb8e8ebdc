namespace Inquir.Typed.Storage;

/// <summary>
/// The notifications a starting worker's workflows ask for, to store by workflow (<c>Notifications/RegisterSubscriptions.sql</c>);
/// a workflow of <paramref name="Workflows"/> without one loses the one stored.
/// </summary>
internal sealed record RegisterNotificationsRequest(IReadOnlyList<NotificationSubscription> Subscriptions, IReadOnlyList<string> Workflows, DateTimeOffset? Now);
