namespace Inquir.Typed.Storage;

/// <summary>A batch of step outcomes to write (<c>CompleteSteps.sql</c>), by <paramref name="Worker"/>; <paramref name="Notify"/> wakes the workers when it commits.</summary>
internal sealed record CompleteStepsRequest(IReadOnlyList<StepCompletion> Completions, string Worker, DateTimeOffset? Now, bool Notify);
