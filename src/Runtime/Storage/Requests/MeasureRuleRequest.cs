namespace Inquir.Typed.Storage;

/// <summary>A rule to measure over its window ending <paramref name="Now"/> (<c>Alerts/MeasureWorkflow.sql</c>, <c>Alerts/MeasureStep.sql</c>), with its <paramref name="TopErrors"/> commonest error messages.</summary>
internal sealed record MeasureRuleRequest(AlertDefinition Rule, DateTimeOffset? Now, int TopErrors);
