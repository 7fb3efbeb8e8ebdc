namespace Inquir.Typed.Storage;

/// <summary>A run that waits at a step this deployment does not know.</summary>
internal sealed record UnknownStepRun(Guid RunId, string Workflow, int StepIndex, string? StepName);
