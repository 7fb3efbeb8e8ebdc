namespace Inquir.Typed;

/// <summary>A workflow's notification as checked at start-up: what the store's trigger matches ended runs against.</summary>
internal sealed record NotificationSubscription(string Workflow, RunOutcomes On, string Webhook);
