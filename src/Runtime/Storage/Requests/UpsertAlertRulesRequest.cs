namespace Inquir.Typed.Storage;

/// <summary>The alert rules of this host, to write (<c>Alerts/UpsertAlertRules.sql</c>).</summary>
internal sealed record UpsertAlertRulesRequest(IReadOnlyList<AlertDefinition> Rules, DateTimeOffset? Now);
