namespace Inquir.Typed.Storage;

/// <summary>One evaluation of a rule to store (<c>Alerts/RecordEvaluation.sql</c>): the state it is in after it, and its measure.</summary>
internal sealed record RecordEvaluationRequest(AlertDefinition Rule, AlertState State, AlertMeasure Measure);
